import type { OutboxCounts } from './outbox-repo.ts';
import type { Card } from './peers/card.ts';
import type { Peer } from './peers/repo.ts';

// What the API shows of peers and the outbox. Keys are shown as base64url and fingerprint.

export function presentPeer(p: Peer) {
  return {
    id: p.id,
    country: p.country,
    name: p.name,
    baseUrl: p.baseUrl,
    publicKey: p.publicKey.toString('base64url'),
    fingerprint: p.fingerprint,
    status: p.status,
    statusReason: p.statusReason,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentCard(card: Card, fingerprint: string) {
  return { ...card, fingerprint };
}

export type DeadLetterRow = {
  id: string;
  peer_id: string;
  conversation: string;
  seq: number;
  type: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  dead_at: Date | null;
};

export function presentStatus(counts: OutboxCounts, dead: DeadLetterRow[]) {
  return {
    outbox: {
      pending: counts.pending,
      dead: counts.dead,
      delivered: counts.delivered,
      oldestPendingAt: counts.oldestPendingAt?.toISOString() ?? null,
    },
    deadLetters: dead.map((d) => ({
      id: d.id,
      peerId: d.peer_id,
      conversation: d.conversation,
      seq: d.seq,
      type: d.type,
      attempts: d.attempts,
      lastError: d.last_error,
      createdAt: d.created_at.toISOString(),
      deadAt: d.dead_at?.toISOString() ?? null,
    })),
  };
}
