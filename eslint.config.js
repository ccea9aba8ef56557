import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// The module table of the README's Architecture section, row by row: what each folder of src/ may import.
// Changing a row here means changing it there.
const MAY_IMPORT = {
  errors: [],
  util: ['errors'],
  model: [],
  git: ['errors', 'util'],
  config: ['model', 'errors', 'util', 'git'],
  plan: ['model', 'util'],
  store: ['model', 'errors', 'util'],
  emulator: ['model', 'errors', 'util'],
  apply: ['plan', 'store', 'model', 'errors', 'util'],
  render: ['plan', 'model', 'errors', 'util'],
  app: ['config', 'git', 'plan', 'store', 'emulator', 'apply', 'render', 'model', 'errors', 'util'],
  watch: ['app', 'config', 'git', 'plan', 'store', 'emulator', 'apply', 'render', 'model', 'errors', 'util'],
  commands: ['app', 'watch', 'config', 'git', 'plan', 'store', 'emulator', 'apply', 'render', 'model', 'errors', 'util'],
  hooks: ['app', 'errors', 'util'],
};

const layers = {
  files: ['src/**/*.ts'],
  plugins: { 'import-x': importX },
  settings: {
    ...importX.flatConfigs.typescript.settings,
    'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
  },
  rules: {
    'import-x/no-restricted-paths': ['error', {
      zones: Object.entries(MAY_IMPORT).map(([module, allowed]) => ({
        target: `./src/${module}`,
        from: './src',
        except: [`./${module}`, ...allowed.map((m) => `./${m}`)],
        message: `src/${module} may import only ${allowed.length ? allowed.join(', ') : 'nothing else of src'} (README, Architecture)`,
      })),
    }],
    'import-x/no-cycle': ['error', { ignoreExternal: true }],
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test/bench/out/', 'src/**/*.generated.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  layers,
  {
    // State records are change-tracking proxies while a transaction runs (state-changes.ts): copy() them.
    files: ['src/emulator/**'],
    ignores: ['src/emulator/core/state-changes.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'structuredClone', message: 'state objects may be proxies during a transaction: use copy() from core/service-contract.ts' }],
    },
  },
  {
    // The pure modules: no SDK, no I/O.
    files: ['src/plan/**', 'src/render/**', 'src/model/**', 'src/util/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: ['@aws-sdk/*', 'node:fs', 'node:fs/*', 'fs', 'node:child_process'],
      }],
    },
  },
  {
    files: ['test/**', 'bin/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
