// `licensectl watch` end to end: the built CLI in its own process, an emulator served by another, driven by
// file edits, git pushes, webhooks, other SDK clients and the emulator's fleet. The suites share one file so that
// they run concurrently (they spend most of their time waiting on other processes; files run one at a time).
import { describe } from 'vitest';
import { directoryTests } from './e2e/directory.js';
import { gitTests } from './e2e/git.js';
import { licenseTests } from './e2e/licenses.js';
import { resilienceTests } from './e2e/resilience.js';
import { targetTests } from './e2e/targets.js';

describe.concurrent('watch end to end', () => {
  describe('watch --dir', directoryTests);
  describe('watch --repo', gitTests);
  describe('watch, when things go wrong', resilienceTests);
  describe('watch, licenses and --notify', licenseTests);
  describe('watch, spec.targets', targetTests);
});
