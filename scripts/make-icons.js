#!/usr/bin/env node
'use strict';
/**
 * Draws the Teams app icons into appPackage/ (no image library: PNG written with zlib):
 *   color.png   192x192, full colour: two white forward chevrons ("fremdrift" = momentum) on the accent colour
 *   outline.png  32x32, the same chevrons in white on a transparent background
 * Run `node scripts/make-icons.js` after changing the design; the PNGs are committed.
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const ACCENT = [0x0f, 0x6b, 0x5c]; // keep in sync with accentColor in appPackage/manifest.json
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** 8-bit RGBA PNG from a width*height*4 byte array. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distance from point p to segment ab. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The design in a 0..1 unit square: two chevrons with round caps. */
const CHEVRONS = [
  [
    [0.3, 0.28],
    [0.5, 0.5],
    [0.3, 0.72],
  ],
  [
    [0.52, 0.28],
    [0.72, 0.5],
    [0.52, 0.72],
  ],
];
const STROKE = 0.115; // stroke width in unit square

function coverage(u, v) {
  for (const [a, b, c] of CHEVRONS) {
    if (segmentDistance(u, v, a[0], a[1], b[0], b[1]) <= STROKE / 2) return true;
    if (segmentDistance(u, v, b[0], b[1], c[0], c[1]) <= STROKE / 2) return true;
  }
  return false;
}

/**
 * Renders with 8x8 supersampling; `background` undefined means transparent. `scale` enlarges the
 * design about the centre (the small outline icon needs it larger to stay legible).
 */
function render(size, foreground, background, scale = 1) {
  const samples = 8;
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hit = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++)
          if (
            coverage(
              0.5 + ((x + (sx + 0.5) / samples) / size - 0.5) / scale,
              0.5 + ((y + (sy + 0.5) / samples) / size - 0.5) / scale,
            )
          )
            hit++;
      const a = hit / (samples * samples);
      const i = (y * size + x) * 4;
      if (background === undefined) {
        rgba.set([...foreground, Math.round(a * 255)], i);
      } else {
        rgba.set([0, 1, 2].map((k) => Math.round(foreground[k] * a + background[k] * (1 - a))).concat(255), i);
      }
    }
  }
  return encodePng(size, size, rgba);
}

const out = path.resolve(__dirname, '..', 'appPackage');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'color.png'), render(192, WHITE, ACCENT));
fs.writeFileSync(path.join(out, 'outline.png'), render(32, WHITE, undefined, 1.3));
process.stdout.write(`Wrote ${path.join(out, 'color.png')} and ${path.join(out, 'outline.png')}\n`);
