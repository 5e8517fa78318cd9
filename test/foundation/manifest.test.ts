import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { buildFeatures } from '../../bot/features/registry';
import { loadTeamsSchema } from '../../scripts/teams-schema';

/**
 * The Teams app package, checked offline: schema validation with the schemas bundled in
 * @microsoft/app-manifest, the English localization, the icons, and that every command Teams
 * offers in its command menu is one the bot understands.
 */
const root = path.resolve(__dirname, '../..');
const appDir = path.join(root, 'appPackage');
const manifestText = readFileSync(path.join(appDir, 'manifest.json'), 'utf8');
const en = JSON.parse(readFileSync(path.join(appDir, 'en.json'), 'utf8')) as Record<string, string>;

interface CommandList {
  scopes: string[];
  commands: { title: string; description: string }[];
}
interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
  icons: { color: string; outline: string };
  bots: { botId: string; scopes: string[]; commandLists: CommandList[] }[];
}

/** The placeholders the deployment (teamsapp.yml / env files) must provide. */
const PLACEHOLDERS = ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN'];
const filled = (): Manifest =>
  JSON.parse(
    manifestText
      .replace(/\$\{\{TEAMS_APP_ID\}\}/g, randomUUID())
      .replace(/\$\{\{BOT_ID\}\}/g, randomUUID())
      .replace(/\$\{\{BOT_DOMAIN\}\}/g, 'fremdrift.example.dk'),
  ) as Manifest;

const validate = (doc: object, schemaUrl: string): Promise<string[]> =>
  AppManifestUtils.validateAgainstSchema(doc as never, loadTeamsSchema(schemaUrl) as never);

describe('Teams app manifest', () => {
  const manifest = filled();
  const bot = manifest.bots[0]!;

  it('passes the Teams schema offline, with only the placeholders the deployment fills', async () => {
    const used = [...manifestText.matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1]);
    expect([...new Set(used)].sort()).toEqual([...PLACEHOLDERS].sort());
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(await validate(manifest, manifest.$schema)).toEqual([]);
  });

  it('rejects a broken manifest and localization (the validation has teeth)', async () => {
    const broken = { ...manifest, bots: [{ ...bot, scopes: ['personal', 'everywhere'] }] };
    expect((await validate(broken, manifest.$schema)).length).toBeGreaterThan(0);
    const badEn = { ...en, 'bots[0].commandLists[7].commands[0].title': 'nope' };
    expect((await validate(badEn, en.$schema!)).length).toBeGreaterThan(0);
  });

  it('is Danish by default with a valid English localization that translates every command', async () => {
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('da');
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'en', file: 'en.json' }]);
    expect(await validate(en, en.$schema!)).toEqual([]);
    const expected = bot.commandLists.flatMap((list, i) =>
      list.commands.flatMap((_, j) => [
        `bots[0].commandLists[${i}].commands[${j}].title`,
        `bots[0].commandLists[${i}].commands[${j}].description`,
      ]),
    );
    const translated = Object.keys(en).filter((k) => k.startsWith('bots['));
    expect(translated.sort()).toEqual(expected.sort());
  });

  it('offers the bot in personal chat, teams and group chats, with a command list per scope', () => {
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const listed = bot.commandLists.flatMap((l) => l.scopes);
    expect(listed.sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of bot.commandLists) expect(list.commands.map((c) => c.title)).toContain('hjælp');
  });

  it('lists only commands the bot understands, in Danish and English alike', () => {
    const { router } = buildFeatures();
    const unknown: string[] = [];
    bot.commandLists.forEach((list, i) =>
      list.commands.forEach((command, j) => {
        const english = en[`bots[0].commandLists[${i}].commands[${j}].title`] ?? '';
        const da = router.commandFor(command.title);
        const enMatch = router.commandFor(english);
        if (da === undefined) unknown.push(command.title);
        if (enMatch === undefined) unknown.push(english);
        // Both languages of one menu entry must run the same command.
        if (da !== undefined && enMatch !== undefined) expect(enMatch.command.id).toBe(da.command.id);
      }),
    );
    expect(unknown).toEqual([]);
    expect(router.commandFor('hjælp')?.command.id).toBe('help');
    expect(router.commandFor('roles')?.command.id).toBe('roles');
  });
});

/** Decodes an 8-bit RGB/RGBA PNG (all five row filters) into RGBA pixels. */
function decodePng(file: string): { width: number; height: number; colorType: number; rgba: Uint8Array } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('ascii', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      colorType = data[9]!;
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const bpp = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= bpp ? pixels[y * stride + x - bpp]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? pixels[(y - 1) * stride + x - bpp]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.set(pixels.subarray(i * bpp, i * bpp + 3), i * 4);
    rgba[i * 4 + 3] = bpp === 4 ? pixels[i * bpp + 3]! : 255;
  }
  return { width, height, colorType, rgba };
}

describe('Teams app icons', () => {
  const manifest = filled();

  it('has a full-colour 192x192 icon', () => {
    const png = decodePng(path.join(appDir, manifest.icons.color));
    expect([png.width, png.height]).toEqual([192, 192]);
    const alphas = new Set<number>();
    const colours = new Set<string>();
    for (let i = 0; i < png.rgba.length; i += 4) {
      alphas.add(png.rgba[i + 3]!);
      colours.add(png.rgba.subarray(i, i + 3).join(','));
    }
    expect([...alphas]).toEqual([255]);
    expect(colours.size).toBeGreaterThan(2);
  });

  it('has a 32x32 outline icon in white on a transparent background', () => {
    const png = decodePng(path.join(appDir, manifest.icons.outline));
    expect([png.width, png.height]).toEqual([32, 32]);
    expect(png.colorType).toBe(6);
    let transparent = 0;
    let visible = 0;
    for (let i = 0; i < png.rgba.length; i += 4) {
      if (png.rgba[i + 3] === 0) transparent++;
      else {
        visible++;
        expect([...png.rgba.subarray(i, i + 3)]).toEqual([255, 255, 255]);
      }
    }
    expect(transparent).toBeGreaterThan(0);
    expect(visible).toBeGreaterThan(0);
  });
});

describe('npm run package', () => {
  const script = path.join(root, 'scripts', 'package-app.js');
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fremdrift-package-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (env: Record<string, string>) =>
    execFileSync(
      process.execPath,
      [script, '--dotenv', path.join(dir, 'none.env'), '--out', path.join(dir, 'app.zip')],
      {
        env: { PATH: process.env.PATH ?? '', ...env },
        encoding: 'utf8',
        stdio: 'pipe',
      },
    );

  it('builds a zip with the manifest (placeholders filled), the localization and both icons', async () => {
    const appId = randomUUID();
    const botId = randomUUID();
    run({ TEAMS_APP_ID: appId, BOT_ID: botId, BOT_DOMAIN: 'fremdrift.example.dk' });
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, 'app.zip')));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    const packed = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
    expect(packed.id).toBe(appId);
    expect(packed.bots[0]!.botId).toBe(botId);
  });

  it('refuses to build without the ids, naming what is missing or malformed', () => {
    let message = '';
    try {
      run({ TEAMS_APP_ID: 'not-a-guid', BOT_DOMAIN: 'fremdrift.example.dk' });
    } catch (e) {
      message = String((e as { stderr?: string }).stderr);
    }
    expect(message).toContain('TEAMS_APP_ID: expected the Teams app id (a GUID)');
    expect(message).toContain('BOT_ID: missing');
  });
});
