import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'bench/results/**',
      '*.mjs',
      '.vitest-*/**',
      'apps/console/dist/**',
      'apps/console/vite.config.mjs',
      'libs/client/src/schema.ts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Domain modules keep to their own folder and reach data only through scoped repositories.
    files: ['libs/crm/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/entities/*', '../../*/entities/*', '../../../*/entities/*'],
              message: "Import another module's entities from its index.ts, never from its entities/ folder.",
            },
            {
              group: ['../*/commands/*', '../../*/commands/*', '../*/queries/*', '../../*/queries/*'],
              message: "Another module's commands and queries are its own: use its index.ts exports or the bus.",
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='manager']",
          message:
            'Domain modules reach data through tx.repository()/ScopedReader only; TypeORM managers are out of reach.',
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'libs/testing/**/*.ts', '**/*.spec.ts', 'bench/**/*.ts'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
