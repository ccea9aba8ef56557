// The per-account request budget: throttling of one account lowers that account's budget only, and it recovers
// with successes. Real SDK clients against the embedded emulator, throttling scoped to one account (every call of
// that account answered 429); retries wait no time, so nothing depends on the clock.
import { ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';
import { GetResourceSharesCommand } from '@aws-sdk/client-ram';
import { describe, expect, it } from 'vitest';
import { createInProcessHandler } from '../../src/emulator/index.js';
import { createClients, RequestBudget, RequestBudgets } from '../../src/store/index.js';
import { testEmulator } from '../helpers/emulator.js';

const THROTTLED = '111122223333';
const CALM = '222233334444';

function clientsOf(emulator: ReturnType<typeof testEmulator>, account: string, budgets: RequestBudgets) {
  return createClients({
    region: 'us-east-1', endpoint: 'http://emulator.embedded', requestHandler: createInProcessHandler(emulator),
    credentials: { accessKeyId: `AKID${account}`, secretAccessKey: 'x' },
    retry: { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 }, timeoutMs: 0,
    budgets: { account, of: budgets },
  });
}

describe('request budgets per account and service', () => {
  it('throttling one account halves its budget and leaves another account\'s untouched', async () => {
    const emulator = testEmulator({ faults: { throttleRate: 1, throttleAccounts: [THROTTLED] } });
    const budgets = new RequestBudgets(16);
    const throttled = clientsOf(emulator, THROTTLED, budgets);
    const calm = clientsOf(emulator, CALM, budgets);
    const calls = (clients: typeof calm) => Array.from({ length: 8 }, () => clients.lm.send(new ListLicenseConfigurationsCommand({})));
    const [bad, good] = await Promise.all([Promise.allSettled(calls(throttled)), Promise.allSettled(calls(calm))]);
    expect(bad.every((r) => r.status === 'rejected')).toBe(true);
    expect(good.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(budgets.of(THROTTLED, 'license-manager').concurrency).toBeLessThan(16);
    expect(budgets.of(CALM, 'license-manager').concurrency).toBe(16);
    // The other service of the throttled account has its own budget.
    await throttled.ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' })).catch(() => undefined);
    expect(budgets.of(THROTTLED, 'ram').concurrency).toBeLessThan(16);
    expect(budgets.of(CALM, 'ram').concurrency).toBe(16);
    throttled.destroy();
    calm.destroy();
  });

  it('an emulator throttling one account answers the others as usual', async () => {
    const emulator = testEmulator({ faults: { throttleRate: 1, throttleAccounts: [THROTTLED] } });
    const budgets = new RequestBudgets();
    const calm = clientsOf(emulator, CALM, budgets);
    await expect(calm.lm.send(new ListLicenseConfigurationsCommand({}))).resolves.toMatchObject({ LicenseConfigurations: [] });
    expect(calm.stats.total()).toEqual({ calls: 1, attempts: 1, errors: 0 });
    calm.destroy();
  });
});

describe('RequestBudget (AIMD)', () => {
  it('halves once per round of throttled calls, down to one, and gains one per round of successes up to its ceiling', () => {
    const budget = new RequestBudget(8);
    budget.throttled();
    expect(budget.concurrency).toBe(4);
    for (let i = 0; i < 3; i++) budget.throttled(); // the rest of the same round
    expect(budget.concurrency).toBe(4);
    for (let i = 0; i < 10; i++) budget.throttled();
    expect(budget.concurrency).toBe(1);
    budget.succeeded();
    expect(budget.concurrency).toBe(2);
    for (let i = 0; i < 2 + 3 + 4 + 5 + 6 + 7; i++) budget.succeeded();
    expect(budget.concurrency).toBe(8);
    for (let i = 0; i < 100; i++) budget.succeeded();
    expect(budget.concurrency).toBe(8);
  });

  it('never runs more calls at once than it allows', async () => {
    const budget = new RequestBudget(4);
    budget.throttled(); // 2
    let running = 0;
    let most = 0;
    await Promise.all(Array.from({ length: 6 }, () => budget.run(async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
    })));
    expect(most).toBe(2);
  });
});
