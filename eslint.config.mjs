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
);
