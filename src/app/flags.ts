// Flags shared by the commands that read desired state and talk to a store.
import { Flags } from '@oclif/core';

export const dirFlag = {
  dir: Flags.directory({ char: 'd', description: 'directory holding licensectl.yaml', default: '.' }),
};

export const storeFlags = {
  store: Flags.string({ description: 'store to plan against (default: the project\'s spec.store.type, else emulator)', options: ['emulator', 'aws'] }),
  region: Flags.string({ description: 'AWS region (default: project, then AWS_REGION, then us-east-1 for the emulator)' }),
  profile: Flags.string({ description: 'AWS profile for --store aws' }),
  endpoint: Flags.string({ description: 'send SDK calls to this URL (a served emulator, e.g. http://127.0.0.1:4566); default AWS_ENDPOINT_URL' }),
  state: Flags.file({ description: 'emulator state file (default .licensectl/emulator.json beside licensectl.yaml)' }),
  concurrency: Flags.integer({ description: 'parallel API calls for reads and independent changes', default: 10, min: 1, max: 64 }),
  stats: Flags.boolean({ description: 'print SDK calls by operation and wall time to stderr' }),
};
