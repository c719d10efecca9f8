import { randomUUID } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { FederationConfig } from '../platform/config.ts';
import type { NodeIdentity } from '../platform/http/context.ts';
import { contentDigest } from './signatures/content-digest.ts';
import { signRequest } from './signatures/sign.ts';

// Signed JSON POSTs to a peer (RFC 9421 over @method, @target-uri, content-digest, date and the
// message id; keyid = this node's id).

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** A peer's base URL must be HTTPS; plain HTTP only to loopback when the node allows it (demo, tests). */
export function checkPeerUrl(url: string, allowHttp: FederationConfig['allowHttp']): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${url} is not a URL`;
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash) {
    return 'a peer URL has no user name, password, query or fragment';
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && allowHttp === 'loopback' && LOOPBACK.has(parsed.hostname)) return null;
  return `a peer URL must use https (plain http is allowed only on loopback, JARING_FEDERATION_ALLOW_HTTP=loopback): ${url}`;
}

export const joinUrl = (base: string, path: string) => `${base.replace(/\/+$/, '')}${path}`;

export type PostResult = { status: number; body: unknown };

export async function postSigned(
  node: NodeIdentity,
  url: string,
  body: Buffer,
  options: { messageId?: string; timeoutMs?: number } = {},
): Promise<PostResult> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-digest': contentDigest(body),
    date: new Date().toUTCString(),
    'jaring-message-id': options.messageId ?? randomUUID(),
  };
  const signed = signRequest(
    { method: 'POST', url, headers },
    { keyId: node.id, privateKey: node.privateKey },
  );
  const { status, text } = await post(
    url,
    { ...headers, ...signed, 'content-length': String(body.length) },
    body,
    options.timeoutMs ?? 10_000,
  );
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: kept as text for the error message.
  }
  return { status, body: parsed };
}

// Kept-alive connections to peers (node:http: cheaper per message than fetch). Redirects are not
// followed: a peer's URL is what its administrator gave.
const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 128 }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 128 }),
};
const MAX_ANSWER = 64 * 1024;

function post(
  url: string,
  headers: Record<string, string>,
  body: Buffer,
  timeoutMs: number,
): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      { method: 'POST', headers, agent: agents[target.protocol as 'http:' | 'https:'], timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_ANSWER) chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** The `{ error: { code, message } }` of a peer's answer, or a summary of whatever it sent. */
export function peerError(result: PostResult): { code: string; message: string } {
  const err = (result.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (err && typeof err.code === 'string' && typeof err.message === 'string') {
    return { code: err.code, message: err.message.slice(0, 500) };
  }
  return { code: `http_${result.status}`, message: `HTTP ${result.status}` };
}
