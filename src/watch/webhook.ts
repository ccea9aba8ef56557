// POST /webhook: a GitHub push event, signed with LICENSECTL_WEBHOOK_SECRET, asks for an immediate fetch.
// Unsigned or wrongly signed deliveries get 401 and change nothing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLarge, readBody } from '../util/http-body.js';
import { MAX_BODY_BYTES, sendJson } from './http-json.js';
import { verifySignature } from './webhook-signature.js';

export interface WebhookReply {
  readonly accepted: boolean;
  readonly reason: string;
}

/** Called for each verified push with the pushed ref (e.g. `refs/heads/main`). */
export type PushHandler = (ref: string | undefined) => WebhookReply;

export async function handleWebhook(req: IncomingMessage, res: ServerResponse, secret: string | undefined, onPush: PushHandler): Promise<void> {
  let body: Buffer;
  try {
    body = await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return sendJson(res, 413, { error: 'payload too large' }, { connection: 'close' });
    throw error;
  }
  if (!verifySignature(secret, body, header(req, 'x-hub-signature-256'))) {
    const reason = secret ? 'missing or invalid X-Hub-Signature-256' : 'webhooks are disabled: LICENSECTL_WEBHOOK_SECRET is not set';
    return sendJson(res, 401, { error: reason });
  }
  const event = header(req, 'x-github-event') ?? 'push';
  if (event === 'ping') return sendJson(res, 200, { accepted: false, reason: 'pong' });
  if (event !== 'push') return sendJson(res, 202, { accepted: false, reason: `ignored ${event} event` });
  sendJson(res, 202, onPush(refOf(body)));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function refOf(body: Buffer): string | undefined {
  try {
    const payload = JSON.parse(body.toString('utf8')) as { ref?: unknown };
    return typeof payload.ref === 'string' ? payload.ref : undefined;
  } catch {
    // GitHub can also send form-encoded payloads; without a ref, the push is taken to concern our branch.
    return undefined;
  }
}
