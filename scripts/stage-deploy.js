// Stages what App Service runs: build/deploy = dist/ + package.json + package-lock.json +
// production node_modules (`npm ci --omit=dev`, the same as the Dockerfile). Run after `npm run build`;
// teamsapp.yml zip-deploys the folder. Plain Node, no dependencies, works on Windows, macOS and Linux.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'build', 'deploy');

if (!fs.existsSync(path.join(root, 'dist', 'bot', 'main.js'))) {
  console.error('dist/bot/main.js is missing: run `npm run build` first.');
  process.exit(1);
}

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
fs.cpSync(path.join(root, 'dist'), path.join(out, 'dist'), { recursive: true });
for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(root, file), path.join(out, file));

// botbuilder-dialogs' postinstall runs `npx rimraf`; rimraf is a production dependency, so this works without dev deps.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
execFileSync(npm, ['ci', '--omit=dev', '--no-audit', '--no-fund'], {
  cwd: out,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
console.log(`Staged ${path.relative(root, out)} (start command: node dist/bot/main.js)`);
