import path from 'node:path';
import { Flags } from '@oclif/core';
import { BaseCommand } from '../../app/base-command.js';
import { LicensectlError } from '../../errors/index.js';
import { printable } from '../../util/safe-text.js';

export default class EmulatorServe extends BaseCommand {
  static override enableJsonFlag = false;
  static override summary = 'Serve the AWS-compatible License Manager and RAM emulator over HTTP.';
  static override description = [
    'Point any AWS client at it: licensectl --endpoint, the AWS CLI (--endpoint-url), boto3 (endpoint_url).',
    'The account of each request follows its access key: AKID followed by 12 digits acts as that account; any other key is 000000000000.',
    'Without --state the emulator keeps its state in memory only. With --state every change is on disk (written atomically and',
    'flushed) before it is answered, so a server killed at any moment restarts on the same file with everything it acknowledged.',
    'A request body over 16 MiB is answered 413 RequestEntityTooLargeException without being read further.',
    'With --write-delay-ms every mutating call is committed that long after it arrives, and answered then, even when its client',
    'has gone: what a killed process\'s last requests and AWS\'s eventually consistent lists do. On SIGINT/SIGTERM the server',
    'commits the writes it has accepted before it stops.',
    'It also answers the simulated fleet\'s admin paths, GET/POST /_licensectl/fleet (licensectl emulator fleet --endpoint), the',
    'organization\'s, GET/PUT /_licensectl/org (licensectl emulator org --endpoint, or --org FILE at start; Organizations answers from it), and',
    'GET/POST /_licensectl/faults: the fault injection in force, changed while it runs ({"latencyMs": 50, "throttleRate": 0.3,',
    '"throttleAccounts": ["222233334444"]}; null removes an option).',
  ].join('\n');
  static override flags = {
    port: Flags.integer({ description: 'TCP port (0 picks a free one)', default: 4566, min: 0, max: 65535 }),
    host: Flags.string({ description: 'address to listen on', default: '127.0.0.1' }),
    state: Flags.file({ description: 'persist state in this JSON file (shared safely with other processes)' }),
    'latency-ms': Flags.integer({ description: 'added latency per call', default: 0, min: 0 }),
    'throttle-rate': Flags.string({ description: 'fraction of calls answered 429 (0..1)', default: '0' }),
    'throttle-account': Flags.string({ description: 'throttle (--throttle-rate) only the calls of this account; repeatable', multiple: true }),
    'error-rate': Flags.string({ description: 'fraction of calls answered 500 (0..1)', default: '0' }),
    'write-delay-ms': Flags.integer({ description: 'commit each mutating call this long after it arrives, even if its client has gone', default: 0, min: 0 }),
    'share-delay-ms': Flags.integer({ description: 'time RAM shares and associations spend in transitional statuses', default: 0, min: 0 }),
    org: Flags.file({ description: 'declare the emulated AWS Organization from this YAML file first (as emulator org apply)' }),
    quiet: Flags.boolean({ description: 'do not log each request' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(EmulatorServe);
    const { Emulator, startServer } = await import('../../emulator/index.js');
    const { readOrgFile } = await import('../../app/emulator-org.js');
    const emulator = new Emulator({
      ...(flags.state ? { statePath: path.resolve(flags.state) } : {}),
      shareDelayMs: flags['share-delay-ms'],
      faults: {
        latencyMs: flags['latency-ms'],
        throttleRate: rate(flags['throttle-rate'], 'throttle-rate'),
        ...(flags['throttle-account'] ? { throttleAccounts: flags['throttle-account'].map(account) } : {}),
        errorRate: rate(flags['error-rate'], 'error-rate'),
        writeDelayMs: flags['write-delay-ms'],
      },
    });
    // The file is checked whole first (INVALID_CONFIG, located), so the emulator accepts what reaches it.
    if (flags.org) await emulator.applyOrganization(readOrgFile(flags.org));
    const server = await startServer(emulator, { port: flags.port, host: flags.host, ...(flags.quiet ? {} : { log: (line: string) => this.printOut(printable(line)) }) });
    this.printOut(`licensectl emulator listening on ${server.url}${flags.state ? ` (state: ${flags.state})` : ' (in-memory state)'}`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await emulator.faults.settled(); // accepted writes land (and are answered) before the server goes
    await server.close();
    this.printOut('licensectl emulator stopped');
  }
}

function account(value: string): string {
  if (!/^\d{12}$/.test(value)) throw new LicensectlError('USAGE', `--throttle-account must be a 12-digit account id, got ${JSON.stringify(value)}`);
  return value;
}

function rate(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new LicensectlError('USAGE', `--${flag} must be a number from 0 to 1, got ${JSON.stringify(value)}`);
  return n;
}
