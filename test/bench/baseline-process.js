// The read-each-resource baseline as a fresh process, as Terraform runs its refresh: Node starts, the AWS SDK is
// imported, every resource is read once, the process exits. Run by measureBaselineProcess (baseline-process-run.js)
// as `node baseline-process.js ENDPOINT ARNS_FILE`; the ARNs come from the parent (Terraform has them in its state).
// Prints one JSON line: calls by operation, and its own SDK import and refresh times.
import { readFile } from 'node:fs/promises';

const started = performance.now();
const { clientsFor, refreshAll } = await import('./baseline.js');
const imported = performance.now();
const [, , endpoint, arnsFile] = process.argv;
const arns = JSON.parse(await readFile(arnsFile, 'utf8'));
const clients = clientsFor(endpoint);
const byOperation = await refreshAll(clients, arns);
const refreshed = performance.now();
clients.lm.destroy();
clients.ram.destroy();
process.stdout.write(`${JSON.stringify({ byOperation, importMs: imported - started, refreshMs: refreshed - imported })}\n`);
