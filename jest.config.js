/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type checking runs once in `npm run typecheck`; transpile-only keeps the suite fast on 2 cores.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // adaptivecards' `main` is extensionless ESM that Node 20 cannot load; its UMD bundle works.
  moduleNameMapper: {
    '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js',
    // strip-bom (used by @microsoft/app-manifest) is ESM-only; jest on Node 20 cannot require it.
    '^strip-bom$': '<rootDir>/test/harness/strip-bom.js',
  },
  testTimeout: 60000,
  maxWorkers: 2,
  watchman: false,
};
