import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { appendAudit } from '../platform/audit/append.ts';
import type { Tx } from '../platform/db/database.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { HttpError } from '../platform/http/errors.ts';
import { fieldIssuesOf } from '../platform/http/validation.ts';
import { type Envelope, envelopeSchema } from './envelope.ts';
import { InboundRejection, type MessageKind } from './kinds.ts';
import { cachedPeer } from './peers/cache.ts';
import { ed25519Key } from './peers/card.ts';
import type { Peer } from './peers/repo.ts';
import { SignatureError } from './signatures/errors.ts';
import { verifyRequest } from './signatures/verify.ts';

// The receiving side: verify the signature and digest, then apply the message exactly once, in
// order within its conversation, in one transaction with its inbox row and audit entry. Anything
// refused changes nothing and says why.

export type InboundRequest = { method: string; url: string; headers: Headers; body: Buffer };

export const peerActor = (peer: Pick<Peer, 'id' | 'country'>) => ({
  id: null,
  label: `peer:${peer.country}:${peer.id}`,
});

/** Verifies an RFC 9421 signature by an active peer (or by `candidate`, a node asking to peer); returns the signer. */
export async function verifyFromPeer(deps: AppDeps, req: InboundRequest, candidate?: Peer): Promise<Peer> {
  let peer: Peer | undefined;
  try {
    const verified = await verifyRequest(
      { method: req.method, url: req.url, headers: req.headers, body: req.body },
      {
        maxSkewSeconds: deps.config.federation.clockSkewSeconds,
        lookupKey: async (keyId) => {
          if (candidate) peer = keyId === candidate.id ? candidate : undefined;
          else peer = /^[0-9a-f-]{36}$/i.test(keyId) ? await cachedPeer(deps.db, keyId) : undefined;
          if (!peer || peer.status === 'revoked') return null;
          if (peer.status === 'suspended') {
            throw new HttpError(
              403,
              'peer_suspended',
              `Peer ${peer.id} (${peer.country}) is suspended on this node.`,
            );
          }
          return ed25519Key(peer.publicKey);
        },
      },
    );
    if (!peer || peer.id !== verified.keyId)
      throw new HttpError(401, 'unknown_key', 'The signing key is unknown.');
    return peer;
  } catch (err) {
    if (err instanceof SignatureError) throw new HttpError(401, err.code, err.message);
    throw err;
  }
}

function parseEnvelope(body: Buffer, headerId: string | null, peer: Peer, nodeId: string): Envelope {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'malformed_body', 'The message body is not JSON.');
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    throw new HttpError(
      400,
      'malformed_envelope',
      'The message envelope is not valid.',
      fieldIssuesOf(parsed.error.issues, json),
    );
  }
  const env = parsed.data;
  if (env.id !== headerId)
    throw new HttpError(
      400,
      'id_mismatch',
      'The envelope id differs from the signed jaring-message-id header.',
    );
  if (env.from !== peer.id)
    throw new HttpError(
      400,
      'sender_mismatch',
      'The envelope says it is from another node than the one that signed it.',
    );
  if (env.to !== nodeId)
    throw new HttpError(
      400,
      'wrong_recipient',
      `This message is addressed to node ${env.to}, not to this node.`,
    );
  return env;
}

function kindFor(kinds: readonly MessageKind[], env: Envelope): MessageKind {
  const sameType = kinds.filter((k) => k.type === env.type);
  if (sameType.length === 0)
    throw new HttpError(400, 'unknown_type', `This node does not know messages of type ${env.type}.`);
  const kind = sameType.find((k) => k.version === env.version);
  if (!kind) {
    const known = sameType.map((k) => k.version).join(', ');
    throw new HttpError(
      400,
      'unsupported_version',
      `${env.type} version ${env.version} is not supported here; this node reads version ${known}.`,
    );
  }
  return kind;
}

/**
 * Takes the conversation's next place, in one statement: the row goes in only if the message is
 * new and follows the last one received. Two deliveries of one message race on the primary key.
 */
async function claimSequence(tx: Tx, peer: Peer, env: Envelope, bodySha256: Buffer): Promise<void> {
  const inserted = await sql<{ message_id: string }>`
    insert into federation_inbox (message_id, peer_id, conversation, seq, type, version, body_sha256, sent_at)
    select ${env.id}, ${peer.id}, ${env.conversation}, ${env.seq}, ${env.type}, ${env.version}, ${bodySha256}, ${env.sentAt}
    where (select coalesce(max(seq), 0) from federation_inbox
           where peer_id = ${peer.id} and conversation = ${env.conversation}) = ${env.seq - 1}
    on conflict do nothing
    returning message_id`.execute(tx);
  if (inserted.rows.length === 1) return;
  const seen = await tx
    .selectFrom('federation_inbox')
    .select('received_at')
    .where('message_id', '=', env.id)
    .executeTakeFirst();
  if (seen) {
    throw new HttpError(
      409,
      'replay',
      `Message ${env.id} was already received at ${seen.received_at.toISOString()}; nothing changed.`,
    );
  }
  const last = await tx
    .selectFrom('federation_inbox')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('peer_id', '=', peer.id)
    .where('conversation', '=', env.conversation)
    .executeTakeFirst();
  const expected = (last?.seq ?? 0) + 1;
  if (env.seq < expected) {
    throw new HttpError(
      409,
      'replay',
      `Position ${env.seq} of conversation ${env.conversation} was already received; nothing changed.`,
    );
  }
  throw new HttpError(
    409,
    'out_of_order',
    `Conversation ${env.conversation} expects message ${expected} next, not ${env.seq}.`,
  );
}

export async function receiveMessage(
  deps: AppDeps,
  kinds: readonly MessageKind[],
  req: InboundRequest,
): Promise<{ id: string; type: string }> {
  const peer = await verifyFromPeer(deps, req);
  const env = parseEnvelope(req.body, req.headers.get('jaring-message-id'), peer, deps.node.id);
  const kind = kindFor(kinds, env);
  const body = kind.schema.safeParse(env.body);
  if (!body.success) {
    throw new HttpError(
      400,
      'invalid_body',
      `The body of this ${env.type} v${env.version} message is not valid.`,
      // Said as paths in the envelope, where the body is `body`.
      fieldIssuesOf(
        body.error.issues.map((i) => ({ ...i, path: ['body', ...i.path] })),
        { body: env.body },
      ),
    );
  }
  try {
    await deps.db.transaction().execute(async (tx) => {
      await claimSequence(tx, peer, env, createHash('sha256').update(req.body).digest());
      const sentAt = new Date(env.sentAt);
      const message = {
        id: env.id,
        type: env.type,
        version: env.version,
        conversation: env.conversation,
        seq: env.seq,
        sentAt,
      };
      await kind.handle(tx, { deps, peer, message }, body.data);
      await appendAudit(tx, {
        actor: peerActor(peer),
        action: 'federation.message.receive',
        recordType: 'federation_message',
        recordId: env.id,
        change: {
          type: env.type,
          version: env.version,
          conversation: env.conversation,
          seq: env.seq,
          from: peer.id,
        },
      });
    });
  } catch (err) {
    if (err instanceof InboundRejection) throw new HttpError(422, err.code, err.message);
    // Two deliveries of one message at the same instant: the loser sees the winner's row.
    if ((err as { code?: string }).code === '23505') {
      throw new HttpError(409, 'replay', `Message ${env.id} is being received already; nothing changed.`);
    }
    throw err;
  }
  return { id: env.id, type: env.type };
}
