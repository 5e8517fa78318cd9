'use strict';
/**
 * Loads a Teams manifest or localization JSON schema from the copy bundled in
 * @microsoft/app-manifest (offline), by its `$schema` URL.
 *
 * The official localization schemas (v1.8 and later) contain patterns such as
 * `^activities.activityTypes\[\b(...)\b]\.description$` with a lone `]`, which is fine in a
 * plain JavaScript regex but invalid with the Unicode flag that Ajv 8 compiles patterns with,
 * so validation throws before it starts. A lone `]` means a literal `]` in a plain regex, so
 * escaping it keeps the pattern's meaning and lets the schema compile.
 */
const fs = require('node:fs');
const path = require('node:path');

const SCHEMA_URL = /json-schemas\/teams\/(v[\w.]+)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/;

/** Escapes every `]` that does not close a character class. */
function escapeLoneBrackets(pattern) {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (c === '[' && !inClass) {
      inClass = true;
      out += c;
    } else if (c === ']') {
      out += inClass ? c : '\\]';
      inClass = false;
    } else out += c;
  }
  return out;
}

function unicodeSafe(pattern) {
  try {
    new RegExp(pattern, 'u');
    return pattern;
  } catch {
    const fixed = escapeLoneBrackets(pattern);
    new RegExp(fixed, 'u'); // still invalid: let it throw with the pattern in the message
    return fixed;
  }
}

function fixPatterns(node) {
  if (Array.isArray(node)) return node.map(fixPatterns);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'pattern' && typeof value === 'string') out[key] = unicodeSafe(value);
    else if (key === 'patternProperties' && value && typeof value === 'object')
      out[key] = Object.fromEntries(Object.entries(value).map(([p, v]) => [unicodeSafe(p), fixPatterns(v)]));
    else out[key] = fixPatterns(value);
  }
  return out;
}

function loadTeamsSchema(schemaUrl) {
  const m = SCHEMA_URL.exec(schemaUrl ?? '');
  if (!m) throw new Error(`Not a Teams manifest schema URL: ${schemaUrl}`);
  const dir = path.join(path.dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams', m[1]);
  const file = path.join(dir, m[2]);
  if (!fs.existsSync(file)) throw new Error(`@microsoft/app-manifest does not bundle ${m[1]}/${m[2]}`);
  return fixPatterns(JSON.parse(fs.readFileSync(file, 'utf8')));
}

module.exports = { loadTeamsSchema, escapeLoneBrackets };
