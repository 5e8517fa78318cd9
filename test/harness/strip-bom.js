'use strict';
// CommonJS stand-in for the ESM-only `strip-bom`, which @microsoft/app-manifest requires: Node 20
// loads it through require(esm), jest 30 on Node 20 cannot. Same behaviour: drop a leading BOM.
module.exports = function stripBom(text) {
  if (typeof text !== 'string') throw new TypeError(`Expected a string, got ${typeof text}`);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
};
