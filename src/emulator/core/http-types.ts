// The emulator's transport-neutral request and response: what both the in-process handler and the HTTP
// server translate to and from.

export interface EmulatorRequest {
  readonly method: string;
  /** Path including the query string, e.g. `/deleteresourceshare?resourceShareArn=…`. */
  readonly path: string;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

export interface EmulatorResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** The operation the request was routed to (for logs; never sent on the wire). */
  readonly operation?: string;
}
