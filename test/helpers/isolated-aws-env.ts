// Vitest setup (every test file's process): the tests that open stores in-process (openStore, the watcher,
// planDirectory) read this process's environment as the CLI reads its own, so nothing of the user's AWS setup
// may be in it: no credentials, profiles, regions, endpoints, roles or SSO; config and credentials files that
// do not exist; no instance metadata service. The CLI's child processes get the same from cleanEnv (cli.ts).
import { tmpdir } from 'node:os';
import path from 'node:path';

for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
Object.assign(process.env, {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AWS_CONFIG_FILE: path.join(tmpdir(), 'licensectl-tests-no-such-dir', 'aws-config'),
  AWS_SHARED_CREDENTIALS_FILE: path.join(tmpdir(), 'licensectl-tests-no-such-dir', 'aws-credentials'),
  AWS_EC2_METADATA_DISABLED: 'true',
});
