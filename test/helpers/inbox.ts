import { type KeyObject, randomUUID } from 'node:crypto';
import { joinUrl } from '../../src/federation/client.ts';
import { INBOX_PATH } from '../../src/federation/envelope.ts';
import { contentDigest } from '../../src/federation/signatures/content-digest.ts';
import { signRequest } from '../../src/federation/signatures/sign.ts';
import type { FieldIssue } from '../../src/platform/http/errors.ts';
import type { TestNode } from './nodes.ts';

// Hand-made signed requests to a node's inbox, each part of which a test may spoil.

export type Signer = { id: string; privateKey: KeyObject };
export type Tweak = { created?: Date; date?: Date; body?: Buffer; digestOf?: Buffer; messageId?: string };

export const signerOf = (node: TestNode): Signer => ({
  id: node.deps.node.id,
  privateKey: node.deps.node.privateKey,
});

export function envelopeFrom(from: TestNode, to: TestNode, extra: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    from: from.deps.node.id,
    to: to.deps.node.id,
    type: 'federation.ping',
    version: 1,
    conversation: randomUUID(),
    seq: 1,
    sentAt: new Date().toISOString(),
    body: {},
    ...extra,
  };
}

/** The URL, headers and bytes of a signed POST of `envelope` to `to`'s inbox. */
export function signedInboxRequest(
  from: Signer,
  to: TestNode,
  envelope: Record<string, unknown>,
  tweak: Tweak = {},
) {
  const url = joinUrl(to.base, INBOX_PATH);
  const body = tweak.body ?? Buffer.from(JSON.stringify(envelope));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-digest': contentDigest(tweak.digestOf ?? body),
    date: (tweak.date ?? new Date()).toUTCString(),
    'jaring-message-id': tweak.messageId ?? String(envelope.id),
  };
  const signed = signRequest(
    { method: 'POST', url, headers },
    { keyId: from.id, privateKey: from.privateKey, created: tweak.created },
  );
  return { url, headers: { ...headers, ...signed }, body };
}

type InboxError = { code: string; message: string; fields?: FieldIssue[] };

export async function postToInbox(request: ReturnType<typeof signedInboxRequest>) {
  const res = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
  return { status: res.status, body: (await res.json()) as { error?: InboxError } };
}

export const sendToInbox = (
  from: Signer,
  to: TestNode,
  envelope: Record<string, unknown>,
  tweak: Tweak = {},
) => postToInbox(signedInboxRequest(from, to, envelope, tweak));
