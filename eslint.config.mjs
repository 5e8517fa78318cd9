import tseslint from 'typescript-eslint';

// The SDKs stay where they belong: the bot SDK in bot/teams, Cosmos DB in bot/store, the HTTP framework
// at the edge (bot/server.ts, bot/teams). Every folder of bot/ and cards/ gets one entry below.
const SDK = {
  group: [
    'botbuilder',
    'botbuilder-*',
    'botbuilder/*',
    '@microsoft/teams-ai',
    '@microsoft/teams-ai/*',
    'botframework-*',
  ],
  message: 'Only bot/teams imports the bot SDK (botbuilder, teams-ai).',
};
const COSMOS = {
  group: ['@azure/cosmos', '@azure/cosmos/*'],
  message: 'Only bot/store talks to Cosmos DB: add a store function that does the query.',
};
const RESTIFY = {
  group: ['restify', 'restify/*'],
  message:
    "Only the edge (bot/server.ts, bot/teams) knows the HTTP framework: a route takes node's request and response (bot/http-route.ts).",
};
// The top-level modules of the edge: the composition root, the HTTP server, the process entry.
const EDGE_TOP = ['**/bot/main', '../main', '../../main', '**/app-host', '**/server'];

/** The layer rule of one folder: what its files may not import. */
const layer = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'devTools/**', '.data/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Layers: domain <- store <- access <- features/jobs <- edge (bot/teams, bot/server.ts, bot/app-host.ts,
  // bot/main.ts); i18n and domain are the floor, cards draw from domain, i18n and feature rules. A lower
  // layer never imports a higher one, types included; test/foundation/layers.test.ts shows each rule
  // failing on a fixture. bench/ and test/ stand outside the layers.
  layer(
    ['bot/domain/**/*.ts'],
    [
      {
        group: ['**/store/*', '**/access/*', '**/features/*', '**/teams/*', '**/jobs/*', '**/cards/*', '**/local/*'],
        message: 'bot/domain is the lowest layer: pure rules and types, no store, features, cards or edge.',
      },
      { group: ['@azure/cosmos', 'restify', '../services', ...EDGE_TOP], message: 'bot/domain does no I/O.' },
      SDK,
    ],
  ),
  layer(
    ['bot/i18n/**/*.ts'],
    [
      {
        group: ['**/store/*', '**/access/*', '**/features/*', '**/teams/*', '**/jobs/*', '**/cards/*', '**/local/*'],
        message: 'bot/i18n holds the catalogues: it may import bot/domain only.',
      },
      { group: ['../services', ...EDGE_TOP], message: 'bot/i18n holds the catalogues: it may import bot/domain only.' },
      SDK,
      COSMOS,
      RESTIFY,
    ],
  ),
  layer(
    ['bot/store/**/*.ts'],
    [
      {
        group: ['**/features/*', '**/teams/*', '**/jobs/*', '**/cards/*', '**/access/*', '**/local/*'],
        message: 'bot/store sits below the features and the edge: it may import bot/domain only.',
      },
      { group: ['../services', ...EDGE_TOP], message: 'bot/store sits below the services and the edge.' },
      SDK,
      RESTIFY,
    ],
  ),
  layer(
    ['bot/access/**/*.ts'],
    [
      {
        group: ['**/features/*', '**/teams/*', '**/jobs/*', '**/cards/*', '**/local/*', ...EDGE_TOP],
        message: 'bot/access guards the store for the features: it may import bot/domain and bot/store.',
      },
      SDK,
      COSMOS,
      RESTIFY,
    ],
  ),
  layer(
    ['bot/features/**/*.ts', 'bot/jobs/**/*.ts'],
    [
      {
        group: ['**/teams/*', ...EDGE_TOP],
        message:
          'Features do not reach into the edge (bot/teams, bot/server, bot/app-host, bot/main); the edge calls them.',
      },
      SDK,
      COSMOS,
      RESTIFY,
    ],
  ),
  layer(
    ['cards/**/*.ts'],
    [
      {
        // Anything of bot/ but the domain, the catalogues and the features (whose rules modules follow).
        regex: '(^|/)bot/(?!(domain|i18n|features)/)',
        message: 'Cards draw from domain, i18n and feature rules; they never reach the store or the edge.',
      },
      {
        // Any feature module but a rules module (rules.ts, or a pure module named *-rules.ts).
        regex: '(^|/)bot/features/(?!([^/]+/)?[^/]*rules$)',
        message:
          'Cards import only the pure rules of a feature (bot/features/<f>/rules.ts or *-rules.ts), never a module that does I/O.',
      },
      SDK,
      COSMOS,
      RESTIFY,
    ],
  ),
  layer(['bot/teams/**/*.ts'], [COSMOS]),
  layer(['bot/local/**/*.ts'], [SDK, COSMOS, RESTIFY]),
  layer(['bot/*.ts'], [SDK, COSMOS, RESTIFY], ['bot/server.ts']),
  layer(['bot/server.ts'], [SDK, COSMOS]),
);
