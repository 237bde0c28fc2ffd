// @ts-check
import eslint from '@eslint/js';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'data/',
      'bench/results/',
      'test/artifacts/',
      '.work/',
      'bin/',
      'jest.config.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
    },
  },
  {
    // Nest resolves constructor parameters from their runtime class references: a type-only
    // import would erase the injection token.
    files: ['src/**/*.ts', 'test/**/*.ts'],
    ignores: ['src/engine/**'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  // The engine is plain TypeScript: text in, ranked causes out. No framework, database or I/O,
  // and nothing of ours outside src/engine.
  ...[
    { files: ['src/engine/*.ts'], outside: ['../*', '../**'] },
    { files: ['src/engine/*/**/*.ts'], outside: ['../../*', '../../**'] },
  ].map(({ files, outside }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'express', 'pg', 'better-sqlite3'],
              message: 'The engine imports no framework or database.',
            },
            {
              group: [
                'fs',
                'node:fs',
                'fs/*',
                'node:fs/*',
                'path',
                'node:path',
                'http',
                'node:http',
              ],
              message: 'The engine does no I/O.',
            },
            { group: outside, message: 'The engine imports only its own files.' },
          ],
        },
      ],
    },
  })),
);
