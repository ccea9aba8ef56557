import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test/bench/out/', 'src/config/schema/*.generated.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/plan/**', 'src/render/**', 'src/model/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: ['@aws-sdk/*', 'node:fs', 'node:fs/*', 'fs', 'node:http', 'node:child_process', '../store/*', '../emulator/*'],
      }],
    },
  },
  {
    files: ['test/**', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
);
