// Another client of the same account: reads and changes the embedded emulator's state file through the SDK,
// as a colleague in the console would, while licensectl is not looking.
import { LicenseManagerClient } from '@aws-sdk/client-license-manager';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { createInProcessHandler, Emulator } from '../../src/emulator/index.js';

export function otherClient(statePath: string, account = '000000000000'): LicenseManagerClient {
  const emulator = new Emulator({ statePath });
  return new LicenseManagerClient({
    region: 'us-east-1',
    endpoint: 'http://emulator.invalid',
    credentials: { accessKeyId: `AKID${account}`, secretAccessKey: 'x' },
    retryStrategy: new ConfiguredRetryStrategy(3, 0),
    requestHandler: createInProcessHandler(emulator) as never,
  });
}
