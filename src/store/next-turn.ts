// Yielding to the event loop's next turn. An SDK call reaches its socket through a chain of microtasks; several
// calls started together interleave those chains, so none leaves before all have been prepared. Waiting for the
// next turn lets the calls already started leave first.

/** Resolves with `value` once the event loop has run its pending I/O callbacks (a setImmediate). */
export function nextTurn<T>(value: T): Promise<T> {
  return new Promise((resolve) => setImmediate(resolve, value));
}
