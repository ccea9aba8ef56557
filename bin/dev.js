#!/usr/bin/env node
// Development entry: runs the compiled commands after `npm run build` (oclif's dev mode needs ts-node, which we do not ship).
// The SDK honours only the exact text "true": a user's `=1` would still let the notice through.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
import { execute } from '@oclif/core';

await execute({ development: true, dir: import.meta.url });
