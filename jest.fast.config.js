const base = require('./jest.config');

/**
 * `npm run test:fast`: the suite without the browser (Agents Playground in Chromium) and without the
 * tests that start child processes (the compiled app, scripts, the manifest packager), for quick
 * feedback while developing. Needs no `npm run build`. `npm test` still runs everything.
 */
/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testPathIgnorePatterns: [
    '/node_modules/',
    // Chromium and the Playground.
    '/test/[^/]+/playground[^/]*\\.test\\.ts$',
    // Child processes: the compiled app, Node scripts, the app package tooling.
    '/test/faults/process-kill\\.test\\.ts$',
    '/test/deployment/production-start\\.test\\.ts$',
    '/test/deployment/fail-fast\\.test\\.ts$',
    '/test/deployment/supply-chain\\.test\\.ts$',
    '/test/deployment/teamsapp\\.test\\.ts$',
    '/test/foundation/manifest\\.test\\.ts$',
    '/test/foundation/start-bot-script\\.test\\.ts$',
    '/test/case/daily-playground\\.test\\.ts$',
    '/test/foundation/layers\\.test\\.ts$',
  ],
};
