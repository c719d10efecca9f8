import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import type { Exec, Tx } from '../platform/db/database.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { conflict, notFound } from '../platform/http/errors.ts';
import { outboxBodyContext } from './encrypted-columns.ts';
import type { Envelope } from './envelope.ts';
import { findPeer } from './peers/repo.ts';

// The sending side's half of durable delivery: a message is written here in the same transaction
// as the change that caused it, sealed, with the next number of its conversation. The dispatcher
// delivers it after commit (dispatcher.ts).

export const OUTBOX_CHANNEL = 'jaring_federation_outbox';

export type QueuedMessage = {
  id: string;
  peer_id: string;
  conversation: string;
  seq: number;
  type: string;
  version: number;
  created_at: Date;
  body_enc: string | null;
};

/**
 * The exact JSON sent for a queued message. Only the body is sealed at rest; the envelope around it
 * is rebuilt from the row (its number, its time), so queuing is one statement.
 */
export function envelopeText(m: QueuedMessage, from: string, cipher: FieldCipher): string {
  const head: Omit<Envelope, 'body'> = {
    id: m.id,
    from,
    to: m.peer_id,
    type: m.type,
    version: m.version,
    conversation: m.conversation,
    seq: m.seq,
    sentAt: m.created_at.toISOString(),
  };
  const body = m.body_enc === null ? 'null' : cipher.decrypt(m.body_enc, outboxBodyContext(m.id));
  return `${JSON.stringify(head).slice(0, -1)},"body":${body}}`;
}

export async function enqueueMessage(
  tx: Tx,
  deps: Pick<AppDeps, 'cipher' | 'node'>,
  m: { peerId: string; conversation: string; type: string; version: number; body: unknown },
): Promise<{ id: string; seq: number }> {
  const id = randomUUID();
  const sealed = deps.cipher.encrypt(JSON.stringify(m.body ?? null), outboxBodyContext(id));
  // One statement: share-lock the peer (senders do not wait for each other, a revocation waits
  // for them), take the conversation's next number, queue the message, and NOTIFY (delivered at commit).
  const { rows } = await sql<{ seq: number }>`
    with p as (
      select id from federation_peers where id = ${m.peerId} and status <> 'revoked' for share
    ), c as (
      insert into federation_conversations (peer_id, conversation, last_seq)
      select p.id, ${m.conversation}, 1 from p
      on conflict (peer_id, conversation) do update set last_seq = federation_conversations.last_seq + 1
      returning last_seq
    ), o as (
      insert into federation_outbox (id, peer_id, conversation, seq, type, version, body_enc)
      select ${id}, ${m.peerId}, ${m.conversation}, c.last_seq, ${m.type}, ${m.version}, ${sealed} from c
      returning seq
    )
    select o.seq, pg_notify(${OUTBOX_CHANNEL}, '') as notified from o`.execute(tx);
  const seq = rows[0]?.seq;
  if (seq !== undefined) return { id, seq };
  const peer = await findPeer(tx, m.peerId);
  if (!peer) throw notFound(`Peer ${m.peerId}`);
  throw conflict(`Peer ${peer.name} (${peer.country}) was revoked: nothing more can be sent to it.`);
}

/**
 * Deletes a conversation's dead letters (their sealed bodies with them), so they can never be sent
 * again: for a module whose message must not go any more (a referral's offer after its consent was
 * withdrawn). Returns how many were deleted.
 */
export async function discardDeadLetters(db: Exec, peerId: string, conversation: string): Promise<number> {
  const rows = await db
    .deleteFrom('federation_outbox')
    .where('peer_id', '=', peerId)
    .where('conversation', '=', conversation)
    .where('status', '=', 'dead')
    .returning('id')
    .execute();
  return rows.length;
}
