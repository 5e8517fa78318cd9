#!/usr/bin/env node
'use strict';
/**
 * `npm run package`: builds the Teams app package appPackage/build/fremdrift.zip (manifest.json,
 * en.json, color.png, outline.png) for upload in Teams or the Teams admin centre.
 *
 * Placeholders `${{NAME}}` in the manifest (Agents Toolkit convention: TEAMS_APP_ID, BOT_ID,
 * BOT_DOMAIN) are filled from the environment, else from env/.env.local (KEY=VALUE lines).
 * The result is validated offline against the schema bundled in @microsoft/app-manifest; any
 * missing value or schema error stops the build with a message that names it.
 *
 * Options: --dotenv <path> (default env/.env.local), --out <zip path>. (Not --env-file: Node 20 takes
 * that flag for itself wherever it appears on the command line.)
 */
const fs = require('node:fs');
const path = require('node:path');
const JSZip = require('jszip');
const { AppManifestUtils } = require('@microsoft/app-manifest');
const { loadTeamsSchema } = require('./teams-schema');

const root = path.resolve(__dirname, '..');
const appDir = path.join(root, 'appPackage');
const FILES = ['manifest.json', 'en.json', 'color.png', 'outline.png'];
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const EXPECT = {
  TEAMS_APP_ID: { test: (v) => GUID.test(v), what: 'the Teams app id (a GUID)' },
  BOT_ID: { test: (v) => GUID.test(v), what: "the bot's Microsoft app id (a GUID)" },
  BOT_DOMAIN: {
    test: (v) => /^[a-z0-9.-]+(:\d+)?$/i.test(v),
    what: 'the host name the bot is served from, without https:// (e.g. fremdrift.azurewebsites.net)',
  },
};

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

/** KEY=VALUE lines; # comments and blank lines ignored; surrounding quotes removed. */
function readEnvFile(file) {
  if (!fs.existsSync(file)) return {};
  const out = {};
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m && !line.trimStart().startsWith('#')) out[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

/** Replaces every ${{NAME}}; returns the text and the problems (missing or malformed values). */
function substitute(text, values) {
  const problems = [];
  const result = text.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name) => {
    const value = values[name];
    const expect = EXPECT[name];
    if (value === undefined || value.trim() === '') {
      problems.push(`${name}: missing (expected ${expect ? expect.what : 'a value'})`);
      return '';
    }
    if (expect && !expect.test(value.trim())) problems.push(`${name}: expected ${expect.what} (got "${value}")`);
    return value.trim();
  });
  return { text: result, problems: [...new Set(problems)] };
}

async function main() {
  const envFile = path.resolve(root, option('--dotenv', path.join('env', '.env.local')));
  const out = path.resolve(root, option('--out', path.join('appPackage', 'build', 'fremdrift.zip')));
  const values = { ...readEnvFile(envFile), ...process.env };

  const { text, problems } = substitute(fs.readFileSync(path.join(appDir, 'manifest.json'), 'utf8'), values);
  if (problems.length > 0) {
    process.stderr.write(
      `Cannot build the app package:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        `Set them in the environment or in ${path.relative(root, envFile)}.\n`,
    );
    process.exit(1);
  }
  const manifest = JSON.parse(text);
  const localization = JSON.parse(fs.readFileSync(path.join(appDir, 'en.json'), 'utf8'));
  const errors = [
    ...(await AppManifestUtils.validateAgainstSchema(manifest, loadTeamsSchema(manifest.$schema))).map(
      (e) => `manifest.json${e}`,
    ),
    ...(await AppManifestUtils.validateAgainstSchema(localization, loadTeamsSchema(localization.$schema))).map(
      (e) => `en.json${e}`,
    ),
  ];
  if (errors.length > 0) {
    process.stderr.write(
      `The app package does not match the Teams schema:\n${errors.map((e) => `  - ${e}`).join('\n')}\n`,
    );
    process.exit(1);
  }

  const zip = new JSZip();
  for (const name of FILES) {
    zip.file(name, name === 'manifest.json' ? text : fs.readFileSync(path.join(appDir, name)));
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  process.stdout.write(
    `Built ${path.relative(process.cwd(), out) || out} (app ${manifest.id}, bot ${manifest.bots[0].botId})\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`Packaging failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
