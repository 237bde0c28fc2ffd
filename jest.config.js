/** Two projects: fast unit specs beside the code, and e2e/pattern tests under test/. */
const tsJest = ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }];

/**
 * The @nestjs/* 12 packages (and a few of their dependencies) are ESM-only. Jest's module loader
 * cannot require(esm) before Node 24.9, so node_modules JavaScript goes through a transformer that
 * turns ESM files into CommonJS (CommonJS files pass through unchanged).
 */
const transform = {
  '^.+\\.ts$': tsJest,
  '^.+\\.m?js$': '<rootDir>/test/support/esm-to-cjs.transform.js',
};
const transformIgnorePatterns = [];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/src'],
      testMatch: ['**/*.spec.ts'],
      transform,
      transformIgnorePatterns,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
      transform,
      transformIgnorePatterns,
    },
  ],
};
