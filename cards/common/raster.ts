import { encodeIndexedPng, pngDataUri, type Rgb } from './png';

/**
 * A palette canvas for the small fallback pictures: rectangles, lines and digits (a 3×5 pixel font
 * scaled up), nothing else. Labels with words go in the card's own text, never into pixels.
 */
const DIGITS: Record<string, readonly string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '001', '001', '001'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
};

export class Raster {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly palette: readonly Rgb[],
  ) {
    this.pixels = new Uint8Array(width * height);
  }

  set(x: number, y: number, color: number): void {
    const px = Math.round(x);
    const py = Math.round(y);
    if (px >= 0 && py >= 0 && px < this.width && py < this.height) this.pixels[py * this.width + px] = color;
  }

  rect(x: number, y: number, w: number, h: number, color: number): void {
    for (let j = Math.round(y); j < Math.round(y + h); j++)
      for (let i = Math.round(x); i < Math.round(x + w); i++) this.set(i, j, color);
  }

  /** A line of `thickness` pixels; `dash` draws every other run of that many pixels. */
  line(x0: number, y0: number, x1: number, y1: number, color: number, thickness = 1, dash = 0): void {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
    const half = Math.floor(thickness / 2);
    for (let s = 0; s <= steps; s++) {
      if (dash > 0 && Math.floor(s / dash) % 2 === 1) continue;
      const x = x0 + ((x1 - x0) * s) / steps;
      const y = y0 + ((y1 - y0) * s) / steps;
      this.rect(x - half, y - half, thickness, thickness, color);
    }
  }

  /** Digits only, `scale` pixels per font pixel; returns the width drawn. */
  digits(value: string, x: number, y: number, color: number, scale = 2): number {
    let cursor = x;
    for (const ch of value) {
      const glyph = DIGITS[ch];
      if (glyph)
        glyph.forEach((row, r) =>
          [...row].forEach((bit, c) => {
            if (bit === '1') this.rect(cursor + c * scale, y + r * scale, scale, scale, color);
          }),
        );
      cursor += 4 * scale;
    }
    return cursor - x - scale;
  }

  toDataUri(): string {
    return pngDataUri(encodeIndexedPng(this.width, this.height, this.palette, this.pixels));
  }
}
