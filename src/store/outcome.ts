// Classifies SDK failures: did the request certainly not take effect, or is its outcome unknown?
export interface SdkErrorShape {
  readonly name?: string;
  readonly message?: string;
  readonly code?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/** A 4xx answer means the service refused the request; anything else (no answer, 5xx, timeout) may have executed. */
export function outcomeUnknown(error: unknown): boolean {
  const status = (error as SdkErrorShape).$metadata?.httpStatusCode;
  return status === undefined || status >= 500;
}

export function errorName(error: unknown): string {
  const e = error as SdkErrorShape;
  return e.name && e.name !== 'Error' ? e.name : e.code ?? 'Error';
}
