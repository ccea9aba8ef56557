// Where the emulator's state lives between calls: in memory, or in a JSON file shared between processes.
//
// Both run a mutation directly on the committed objects, tracked (state-changes.ts): on success the records it
// touched are the commit (which the file store appends to its journal), on failure they are put back. So a
// handler that throws leaves the state untouched, and a mutation costs what it touches, not the state's size.
import { emptyState, type EmulatorState } from './service-contract.js';
import { runTracked } from './state-changes.js';

export interface StateStore {
  /** The latest committed state, for read-only operations. Never mutate it. */
  read(): EmulatorState;
  /** The latest committed state as JSON text. */
  text(): string;
  /**
   * Runs `mutation` on the latest state; commits (bumping `revision`) if it returns, restores the state if
   * it throws. Mutations never interleave. The result is computed inside the commit, so it must be built
   * (serialised) by `mutation` itself if it refers to state objects: after the commit, the state holds copies.
   */
  transact<T>(mutation: (draft: EmulatorState) => T): Promise<T>;
}

export class MemoryStateStore implements StateStore {
  private readonly state: EmulatorState;

  constructor(initial: EmulatorState = emptyState()) {
    this.state = JSON.parse(JSON.stringify(initial)) as EmulatorState;
  }

  read(): EmulatorState {
    return this.state;
  }

  text(): string {
    return JSON.stringify(this.state);
  }

  async transact<T>(mutation: (draft: EmulatorState) => T): Promise<T> {
    // Handlers are synchronous, so one runs to completion before another can start.
    return runTracked(this.state, mutation).result;
  }
}
