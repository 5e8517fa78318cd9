'use strict';
// Preloaded with `node --require` into a child process that runs the compiled app: every package that
// only development dependencies need (package-lock.json `"dev": true`) fails to load as it would after
// `npm ci --omit=dev`, and the packages the process did load are written to FREMDRIFT_LOAD_REPORT on
// exit. Lets a test prove what the production tree must carry without a second install.
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const root = process.env.FREMDRIFT_REPO;
const report = process.env.FREMDRIFT_LOAD_REPORT;
if (!root || !report) throw new Error('FREMDRIFT_REPO and FREMDRIFT_LOAD_REPORT must be set');

const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const devOnly = new Set(
  Object.entries(lock.packages)
    .filter(([where, entry]) => where !== '' && entry.dev === true)
    .map(([where]) => where),
);

/** The lockfile key of the innermost package a file belongs to, e.g. node_modules/a/node_modules/@s/b. */
function packageOf(file) {
  if (!path.isAbsolute(file)) return undefined; // a Node built-in
  const parts = path.relative(root, file).split(path.sep);
  if (parts[0] === '..') return undefined;
  let end = -1;
  for (let i = 0; i < parts.length; i++)
    if (parts[i] === 'node_modules') end = i + (parts[i + 1]?.startsWith('@') ? 3 : 2);
  return end < 0 ? undefined : parts.slice(0, end).join('/');
}

const loaded = new Set();
const denied = new Set();
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const file = resolve.call(this, request, parent, ...rest);
  const where = packageOf(file);
  if (where !== undefined) {
    if (devOnly.has(where)) {
      denied.add(where);
      const error = new Error(
        `Cannot find module '${request}' (a development dependency, not installed by npm ci --omit=dev)`,
      );
      error.code = 'MODULE_NOT_FOUND';
      throw error;
    }
    loaded.add(where);
  }
  return file;
};

process.on('exit', () => {
  fs.writeFileSync(report, JSON.stringify({ loaded: [...loaded].sort(), denied: [...denied].sort() }));
});
