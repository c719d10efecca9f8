import * as z from 'zod/mini';
import { timestamp } from '../../common/schema.ts';

// Answers of /api/federation (src/federation/schema.ts).

export const card = z.object({
  nodeId: z.string(),
  country: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  publicKey: z.string(),
  fingerprint: z.string(),
});
export type Card = z.infer<typeof card>;
export const nodeAnswer = z.object({ node: card });

export const peerStatuses = ['active', 'suspended', 'revoked'] as const;
export type PeerStatus = (typeof peerStatuses)[number];

export const peer = z.object({
  id: z.string(),
  country: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  fingerprint: z.string(),
  status: z.enum(peerStatuses),
  statusReason: z.nullish(z.string()),
  createdAt: z.nullish(timestamp),
  updatedAt: z.nullish(timestamp),
});
export type Peer = z.infer<typeof peer>;
export const peerList = z.object({ peers: z.array(peer) });
export const peerAnswer = z.object({ peer });

export const invitationCreated = z.object({
  id: z.string(),
  invitation: z.string(),
  expiresAt: timestamp,
  fingerprint: z.string(),
});
export const invitationPreview = z.object({ node: card, expiresAt: timestamp, ownFingerprint: z.string() });
export type InvitationPreview = z.infer<typeof invitationPreview>;
export const pingAnswer = z.object({ messageId: z.string() });
export const retryAnswer = z.object({ requeued: z.number() });

export const deadLetter = z.object({
  id: z.string(),
  peerId: z.string(),
  type: z.string(),
  attempts: z.number(),
  lastError: z.nullish(z.string()),
  createdAt: timestamp,
  deadAt: z.nullish(timestamp),
});
export type DeadLetter = z.infer<typeof deadLetter>;
export const outboxStatus = z.object({
  outbox: z.object({
    pending: z.number(),
    dead: z.number(),
    delivered: z.number(),
    oldestPendingAt: z.nullish(timestamp),
  }),
  deadLetters: z.array(deadLetter),
});
export type OutboxStatus = z.infer<typeof outboxStatus>;
