import tseslint from 'typescript-eslint';

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
  {
    // The SDK stays at the edge: only bot/teams may import botbuilder or teams-ai.
    files: ['bot/domain/**/*.ts', 'bot/store/**/*.ts', 'bot/features/**/*.ts', 'bot/jobs/**/*.ts', 'cards/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder*', '@microsoft/teams-ai', 'botframework-*'],
              message: 'Keep the bot SDK in bot/teams.',
            },
          ],
        },
      ],
    },
  },
  // Layers: domain <- store <- features <- edge (bot/teams, bot/main). A lower layer never imports a
  // higher one; test/foundation/layers.test.ts shows the rule failing on a fixture. Document schemas
  // live in bot/domain, so no layer needs a type from a higher one.
  {
    files: ['bot/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/*', '**/access/*', '**/features/*', '**/teams/*', '**/jobs/*', '**/cards/*'],
              message: 'bot/domain is the lowest layer: pure rules and types, no store, features, cards or edge.',
            },
            { group: ['@azure/cosmos', 'restify'], message: 'bot/domain does no I/O.' },
          ],
        },
      ],
    },
  },
  {
    files: ['bot/store/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/features/*', '**/teams/*', '**/jobs/*', '**/cards/*'],
              message: 'bot/store sits below the features and the edge: it may import bot/domain only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bot/features/**/*.ts', 'bot/jobs/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/teams/*', '**/bot/main', '../../main', '../main'],
              message: 'Features do not reach into the edge (bot/teams, bot/main); the edge calls them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['cards/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/bot/store/*', '**/bot/access/*', '**/bot/teams/*', '**/bot/jobs/*'],
              message: 'Cards draw from domain, i18n and feature rules; they never reach the store or the edge.',
            },
            {
              // Any feature module but a rules module (rules.ts, or a pure module named *-rules.ts).
              regex: '(^|/)bot/features/(?!([^/]+/)?[^/]*rules$)',
              message:
                'Cards import only the pure rules of a feature (bot/features/<f>/rules.ts or *-rules.ts), never a module that does I/O.',
            },
          ],
        },
      ],
    },
  },
);
