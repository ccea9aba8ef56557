#!/usr/bin/env node
// The SDK warns about Node 20 on stderr; users should see only licensectl's own output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { execute } from '@oclif/core';

await execute({ dir: import.meta.url });
