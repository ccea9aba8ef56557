import { defineConfig } from 'vitest/config';

// .ci/run asks for a JSON report as well, to print the final "N passed, N failed" line from vitest's counts.
const jsonReport = process.env.LICENSECTL_VITEST_JSON;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/bench/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Most time goes to CLI child processes and their I/O; a third worker keeps both cores busy.
    maxWorkers: 3,
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', NO_COLOR: '1' },
    // No test reads the user's AWS credentials, profiles or config files (issue 12).
    setupFiles: ['test/helpers/isolated-aws-env.ts'],
  },
});
