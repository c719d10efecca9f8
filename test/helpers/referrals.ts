import { z } from 'zod';
import { envelopeText } from '../../src/federation/outbox.ts';
import type { Peer } from '../../src/federation/peers/repo.ts';
import { referralMessageKinds } from '../../src/referrals/messages.ts';
import type { TestApp } from './app.ts';

// Two nodes in one test without the network: each is a peer of the other, and `relay` hands the
// messages one node queued to the other's message handlers, in order, each in its own transaction
// (the lead's federation tests cover the signed HTTP path).

export async function peerNodes(a: TestApp, b: TestApp): Promise<void> {
  for (const [self, other] of [
    [a, b],
    [b, a],
  ] as const) {
    await self.deps.db
      .insertInto('federation_peers')
      .values({
        id: other.deps.node.id,
        country: other.deps.node.country,
        name: other.deps.node.name,
        base_url: 'http://127.0.0.1:9',
        public_key: other.deps.node.publicKey,
        fingerprint: 'TEST',
        status: 'active',
        origin: 'accepted_invitation',
      })
      .execute();
  }
}

const envelope = z.object({
  id: z.string(),
  type: z.string(),
  version: z.number(),
  conversation: z.string(),
  seq: z.number(),
  sentAt: z.string(),
  body: z.unknown(),
});

/** Delivers every pending message `from` queued for `to`; returns their types, in order. */
export async function relay(from: TestApp, to: TestApp): Promise<string[]> {
  const rows = await from.deps.db
    .selectFrom('federation_outbox')
    .select(['id', 'peer_id', 'conversation', 'seq', 'type', 'version', 'created_at', 'body_enc'])
    .where('status', '=', 'pending')
    .where('peer_id', '=', to.deps.node.id)
    .orderBy('created_at')
    .orderBy('seq')
    .execute();
  const peerRow = await to.deps.db
    .selectFrom('federation_peers')
    .selectAll()
    .where('id', '=', from.deps.node.id)
    .executeTakeFirstOrThrow();
  const peer: Peer = {
    id: peerRow.id,
    country: peerRow.country,
    name: peerRow.name,
    baseUrl: peerRow.base_url,
    publicKey: peerRow.public_key,
    fingerprint: peerRow.fingerprint,
    status: peerRow.status,
    statusReason: peerRow.status_reason,
    createdAt: peerRow.created_at,
    updatedAt: peerRow.updated_at,
  };
  const types: string[] = [];
  for (const row of rows) {
    const env = envelope.parse(JSON.parse(envelopeText(row, from.deps.node.id, from.deps.cipher)));
    const kind = referralMessageKinds.find((k) => k.type === env.type && k.version === env.version);
    if (!kind) throw new Error(`no kind for ${env.type} v${env.version}`);
    const body = kind.schema.parse(env.body);
    const message = {
      id: env.id,
      type: env.type,
      version: env.version,
      conversation: env.conversation,
      seq: env.seq,
      sentAt: new Date(env.sentAt),
    };
    await to.deps.db.transaction().execute((tx) => kind.handle(tx, { deps: to.deps, peer, message }, body));
    await from.deps.db
      .updateTable('federation_outbox')
      .set({ status: 'delivered', delivered_at: new Date() })
      .where('id', '=', row.id)
      .execute();
    types.push(env.type);
  }
  return types;
}

/** The decrypted bodies of the messages `from` has queued (delivered or not), oldest first. */
export async function queuedBodies(from: TestApp, type: string): Promise<Record<string, unknown>[]> {
  const rows = await from.deps.db
    .selectFrom('federation_outbox')
    .select(['id', 'peer_id', 'conversation', 'seq', 'type', 'version', 'created_at', 'body_enc'])
    .where('type', '=', type)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => {
    const env = envelope.parse(JSON.parse(envelopeText(row, from.deps.node.id, from.deps.cipher)));
    return z.record(z.string(), z.unknown()).parse(env.body);
  });
}
