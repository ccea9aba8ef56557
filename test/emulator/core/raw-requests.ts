// Hand-built wire requests, for what the SDK never sends (unknown operations, malformed JSON, raw headers).
import type { EmulatorRequest } from '../../../src/emulator/index.js';

export interface RawOptions {
  readonly account?: string;
  readonly region?: string;
  readonly body?: string;
}

export function authorization(account = '000000000000', region = 'us-east-1', service = 'license-manager'): string {
  return `AWS4-HMAC-SHA256 Credential=AKID${account}/20260301/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;
}

export function lmRequest(operation: string, input: unknown, options: RawOptions = {}): EmulatorRequest {
  return {
    method: 'POST',
    path: '/',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSLicenseManager.${operation}`,
      authorization: authorization(options.account, options.region),
    },
    body: options.body ?? JSON.stringify(input),
  };
}

export function ramRequest(method: string, path: string, input?: unknown, options: RawOptions = {}): EmulatorRequest {
  return {
    method,
    path,
    headers: { 'content-type': 'application/json', authorization: authorization(options.account, options.region, 'ram') },
    body: options.body ?? (input === undefined ? '' : JSON.stringify(input)),
  };
}
