// A request budget per (account, service), shared by every client of that account in the process: an AIMD limit
// on the calls in flight. It starts at `ceiling`; a throttled attempt halves it (at most once per round of calls,
// so one burst of 429s counts once), and every round of calls that succeeds without throttling raises it by one
// again. A throttled account so waits in its own queue, and only its own: other accounts' budgets never change.
// A call holds its budget slot across its retries, and waits for it before it takes a slot of any bound shared
// between accounts (target-runs.ts), so an account that is backing off holds at most its own budget's share of it.
import pLimit, { type LimitFunction } from 'p-limit';

/** The calls in flight per account and service when nothing is throttled: far above what `--concurrency` asks. */
export const DEFAULT_BUDGET_CEILING = 64;

export class RequestBudget {
  private readonly limit: LimitFunction;
  /** Results (successes or ignored throttles) since the limit was last halved; it starts as if a round had passed. */
  private sinceDecrease = Number.POSITIVE_INFINITY;
  /** Successes since the limit last changed. */
  private sinceChange = 0;

  constructor(readonly ceiling = DEFAULT_BUDGET_CEILING) {
    this.limit = pLimit(ceiling);
  }

  /** The calls this account and service may have in flight now. */
  get concurrency(): number {
    return this.limit.concurrency;
  }

  /** Runs `call` once a slot is free; the slot is held until it settles (retries included). */
  run<T>(call: () => Promise<T>): Promise<T> {
    return this.limit(call);
  }

  /** An attempt was throttled: halve, unless the limit was already halved within this round of calls. */
  throttled(): void {
    if (this.sinceDecrease < this.concurrency) {
      this.sinceDecrease += 1;
      return;
    }
    this.limit.concurrency = Math.max(1, Math.floor(this.concurrency / 2));
    this.sinceDecrease = 0;
    this.sinceChange = 0;
  }

  /** A call succeeded: after a whole round of successes, one more call may be in flight. */
  succeeded(): void {
    this.sinceDecrease += 1;
    this.sinceChange += 1;
    if (this.concurrency >= this.ceiling || this.sinceChange < this.concurrency) return;
    this.limit.concurrency = this.concurrency + 1;
    this.sinceChange = 0;
  }
}

/** The budgets of one process, by account and service; what every client created in it draws on. */
export class RequestBudgets {
  private readonly byKey = new Map<string, RequestBudget>();

  constructor(private readonly ceiling = DEFAULT_BUDGET_CEILING) {}

  of(account: string, service: string): RequestBudget {
    const key = `${account}/${service}`;
    let budget = this.byKey.get(key);
    if (!budget) this.byKey.set(key, (budget = new RequestBudget(this.ceiling)));
    return budget;
  }
}

/** The process's budgets: every store opened in it (each target of a plan, each watch tick) shares them. */
export const PROCESS_BUDGETS = new RequestBudgets();
