#!/usr/bin/env node
// The SDK warns about Node 20 on stderr; users should see only licensectl's own output.
// The SDK honours only the exact text "true": a user's `=1` would still let the notice through.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// `--version` is asked by scripts on every run; answer it without loading the command framework
// (same text as oclif's: name/version platform-arch node-version).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.name}/${pkg.version} ${process.platform}-${process.arch} node-${process.version}\n`);
} else {
  // Node 22.1+ keeps the compiled code of the modules loaded below on disk (os.tmpdir()/node-compile-cache, or
  // $NODE_COMPILE_CACHE) and reuses it on the next start; Node 20 has no such API and starts as before.
  const { enableCompileCache } = await import('node:module');
  enableCompileCache?.();
  const { execute } = await import('@oclif/core');
  await execute({ dir: import.meta.url });
}
