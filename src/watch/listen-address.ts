// `--listen` addresses: `host:port`, `[v6]:port`, or `:port` for every interface, as Go servers and
// Prometheus exporters read them.
import { LicensectlError } from '../errors/index.js';

export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

export const DEFAULT_LISTEN = '127.0.0.1:9464';
const ALL_INTERFACES = '0.0.0.0';
const FORM = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s[\]]*)):(\d{1,5})$/;

export function parseListen(text: string): ListenAddress {
  const match = FORM.exec(text.trim());
  const port = Number(match?.[3]);
  if (!match || !Number.isInteger(port) || port > 65_535) {
    throw new LicensectlError('BAD_LISTEN', `--listen must be host:port or :port, got ${JSON.stringify(text)}`, {
      hint: `for example ${DEFAULT_LISTEN} (this machine only) or :9464 (every interface); port 0 picks a free one`,
    });
  }
  const host = match[1] ?? (match[2] || ALL_INTERFACES);
  return { host, port };
}

/** The URL a client on this machine would use. */
export function urlOf(address: ListenAddress): string {
  const host = address.host === ALL_INTERFACES ? '127.0.0.1' : address.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
