import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      'dist/',
      'examples/*/dist/',
      'examples/*/_site/',
      'coverage/',
      '.data/',
      'bench/.tmp/',
      'custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: [
      'src/**/*.ts',
      'test/browser/**/*.ts',
      'test/fixtures/**/*.{js,ts,tsx}',
      'demo/public/**/*.js',
      'bench/pages/**/*.js',
      'test/reliability/pages/**/*.js',
      'docs/**/*.js',
      'bench/floor.js',
    ],
    ...lit.configs['flat/recommended'],
    languageOptions: { globals: globals.browser },
  },
  {
    // The integrator projects' browser code and browser tests (mocha, as web-test-runner runs them).
    files: ['examples/*/app.js', 'examples/*/main.js', 'examples/*/test/**/*.test.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
  },
  {
    // A static site's page script, and Node tests whose callbacks run in the page.
    files: ['examples/eleventy/src/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['examples/*/test/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: [
      'demo/server/**/*.ts',
      'emulator/**/*.ts',
      'shared/**/*.ts',
      'testing/**/*.ts',
      'examples/*/backend.js',
      'examples/**/*.{mjs,ts}',
      'test/node/**/*.ts',
      'test/plugins/**/*.ts',
      'test/reliability/**/*.ts',
      'scripts/**/*.ts',
      'bench/*.ts',
      '*.config.*',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Tests poke at loosely typed JSON responses.
      '@typescript-eslint/no-explicit-any': 'off',
      'no-console': 'off',
    },
  },
  {
    // Server code: no stray logging of requests (tokens travel in them).
    files: ['demo/server/**/*.ts', 'emulator/**/*.ts', 'shared/**/*.ts'],
    ignores: ['emulator/cli.ts', 'emulator/test/**', 'demo/server/main.ts'],
    rules: { 'no-console': ['error', { allow: ['error'] }] },
  },
);
