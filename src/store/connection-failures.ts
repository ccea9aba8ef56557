// Failures on the way to the service: a refused connection, a host name that does not resolve, a TLS handshake that
// fails (a certificate not trusted, expired or for another name; https:// to a plain-HTTP port). Each ends before a
// byte of the request is sent, so the call certainly did not execute, and sending it again meets the same wall: the
// retry strategy gives up on them at once, outcomeUnknown() knows they did not execute, and the command line names
// them by their cause (ENDPOINT_UNREACHABLE, TLS_FAILED) and by the endpoint the call was going to.

export interface ConnectionFailure {
  readonly kind: 'refused' | 'unknown-host' | 'tls';
  /** The Node or OpenSSL error code: ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED, … */
  readonly code: string;
  /** The endpoint the call was sent to, when it went through these clients. */
  readonly endpoint?: string;
  /** What the socket said: the address refused, the host not found, the TLS reason. */
  readonly detail: string;
  /** Attempts made, the SDK's count (1: never retried). */
  readonly attempts: number;
}

// Certificate checks (OpenSSL's X509 verify results, as Node names them) and handshakes that fail on the protocol.
const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'CERT_REVOKED', 'CERT_UNTRUSTED', 'CERT_REJECTED', 'CERT_SIGNATURE_FAILURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_DECRYPT_CERT_SIGNATURE', 'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY', 'CERT_CHAIN_TOO_LONG',
  'INVALID_CA', 'INVALID_PURPOSE', 'PATH_LENGTH_EXCEEDED', 'HOSTNAME_MISMATCH', 'ERR_TLS_CERT_ALTNAME_INVALID', 'EPROTO',
]);

/** Where each failed call was going (the SDK's resolved endpoint), for the message that reports it. */
const endpointOfFailure = new WeakMap<object, string>();

/** Notes where the client's failed calls were going; on the store's clients, and for any other (STS) that wants it. */
export function noteEndpointOfFailures(client: { middlewareStack: unknown }): void {
  (client.middlewareStack as { add: (mw: unknown, opts: unknown) => void }).add(
    (next: (a: unknown) => Promise<unknown>, context: { endpointV2?: { url?: URL } }) => async (args: unknown) => {
      try {
        return await next(args);
      } catch (error) {
        const url = context.endpointV2?.url;
        if (url && error !== null && typeof error === 'object') endpointOfFailure.set(error, url.pathname === '/' ? url.origin : url.href);
        throw error;
      }
    },
    { step: 'initialize', name: 'licensectlEndpointOfFailures' },
  );
}

/** The connection failure behind an error (the SDK's, or one it wraps as its cause), if it is one. */
export function connectionFailure(error: unknown): ConnectionFailure | undefined {
  let e = error as { code?: unknown; cause?: unknown; message?: string; address?: string; port?: number; hostname?: string } | undefined;
  for (let depth = 0; e !== null && typeof e === 'object' && depth < 5; depth += 1, e = e.cause as typeof e) {
    const code = typeof e.code === 'string' ? e.code : '';
    const kind = code === 'ECONNREFUSED' ? 'refused'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'unknown-host'
        : TLS_CODES.has(code) || code.startsWith('ERR_SSL_') ? 'tls' : undefined;
    if (!kind) continue;
    const detail = kind === 'refused' ? `${e.address ?? '?'}${e.port === undefined ? '' : `:${e.port}`}` : kind === 'unknown-host' ? e.hostname ?? '?' : tlsReason(e.message ?? code);
    const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
    const endpoint = endpointOfFailure.get(error as object);
    return { kind, code, detail, attempts, ...(endpoint ? { endpoint } : {}) };
  }
  return undefined;
}

/** OpenSSL's reason without its location (`…:SSL routines:ssl3_get_record:wrong version number:…` → the last part). */
function tlsReason(message: string): string {
  return /SSL routines:[^:]*:([^:]+)/.exec(message)?.[1] ?? message;
}
