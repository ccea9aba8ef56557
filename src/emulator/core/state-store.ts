// Where the emulator's state lives between calls: in memory, or in a JSON file shared between processes.
//
// Both keep the committed state twice: as objects (handlers read and mutate them in place) and as its JSON
// text. A mutation runs directly on the objects; on success the state is serialised once (the new text,
// which the file store also writes), on failure the objects are restored by parsing the previous text.
// So a handler that throws leaves the state untouched, at the cost of one serialisation per mutation.
import { emptyState, type EmulatorState } from './service-contract.js';

export interface StateStore {
  /** The latest committed state, for read-only operations. Never mutate it. */
  read(): EmulatorState;
  /** The latest committed state as JSON text. */
  text(): string;
  /**
   * Runs `mutation` on the latest state; commits (bumping `revision`) if it returns, restores the state if
   * it throws. Mutations never interleave. The result is computed inside the commit, so it must be built
   * (serialised) by `mutation` itself if it refers to state objects.
   */
  transact<T>(mutation: (draft: EmulatorState) => T): Promise<T>;
}

/** The committed state as objects and as text; `apply` is the shared commit-or-restore step. */
export class CommittedState {
  constructor(
    public state: EmulatorState,
    public text: string,
    /** How `text` becomes state again (the file store also fills sections an older file lacks). */
    private readonly parse: (text: string) => EmulatorState = (t) => JSON.parse(t) as EmulatorState,
  ) {}

  static of(state: EmulatorState): CommittedState {
    return new CommittedState(state, JSON.stringify(state));
  }

  apply<T>(mutation: (draft: EmulatorState) => T): T {
    try {
      const result = mutation(this.state);
      this.state.revision += 1;
      this.text = JSON.stringify(this.state);
      return result;
    } catch (error) {
      this.state = this.parse(this.text);
      throw error;
    }
  }
}

export class MemoryStateStore implements StateStore {
  private readonly committed: CommittedState;

  constructor(initial: EmulatorState = emptyState()) {
    this.committed = CommittedState.of(initial);
  }

  read(): EmulatorState {
    return this.committed.state;
  }

  text(): string {
    return this.committed.text;
  }

  async transact<T>(mutation: (draft: EmulatorState) => T): Promise<T> {
    // Handlers are synchronous, so one runs to completion before another can start.
    return this.committed.apply(mutation);
  }
}
