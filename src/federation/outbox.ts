import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../platform/db/database.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { conflict, notFound } from '../platform/http/errors.ts';
import { outboxBodyContext } from './encrypted-columns.ts';
import type { Envelope } from './envelope.ts';
import { lockPeer } from './peers/repo.ts';

// The sending side's half of durable delivery: a message is written here in the same transaction
// as the change that caused it, sealed, with the next number of its conversation. The dispatcher
// delivers it after commit (dispatcher.ts).

export const OUTBOX_CHANNEL = 'jaring_federation_outbox';

export async function enqueueMessage(
  tx: Tx,
  deps: Pick<AppDeps, 'cipher' | 'node'>,
  m: { peerId: string; conversation: string; type: string; version: number; body: unknown },
): Promise<{ id: string; seq: number }> {
  // Shared: senders to one peer do not wait for each other, but a revocation waits for them.
  const peer = await lockPeer(tx, m.peerId, 'share');
  if (!peer) throw notFound(`Peer ${m.peerId}`);
  if (peer.status === 'revoked')
    throw conflict(`Peer ${peer.name} (${peer.country}) was revoked: nothing more can be sent to it.`);
  const { last_seq: seq } = await tx
    .insertInto('federation_conversations')
    .values({ peer_id: peer.id, conversation: m.conversation, last_seq: 1 })
    .onConflict((oc) =>
      oc
        .columns(['peer_id', 'conversation'])
        .doUpdateSet({ last_seq: sql`federation_conversations.last_seq + 1` }),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  const envelope: Envelope = {
    id,
    from: deps.node.id,
    to: peer.id,
    type: m.type,
    version: m.version,
    conversation: m.conversation,
    seq,
    sentAt: new Date().toISOString(),
    body: m.body,
  };
  await tx
    .insertInto('federation_outbox')
    .values({
      id,
      peer_id: peer.id,
      conversation: m.conversation,
      seq,
      type: m.type,
      version: m.version,
      body_enc: deps.cipher.encrypt(JSON.stringify(envelope), outboxBodyContext(id)),
    })
    .execute();
  // Delivered to listeners when the transaction commits, not before.
  await sql`select pg_notify(${OUTBOX_CHANNEL}, '')`.execute(tx);
  return { id, seq };
}
