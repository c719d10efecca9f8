import { z } from '@hono/zod-openapi';
import { text } from '../platform/http/fields.ts';

export const cardSchema = z.object({
  nodeId: z.string(),
  country: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  publicKey: z.string(),
  fingerprint: z.string(),
});

export const peerSchema = z
  .object({
    id: z.string(),
    country: z.string(),
    name: z.string(),
    baseUrl: z.string(),
    publicKey: z.string(),
    fingerprint: z.string(),
    status: z.enum(['active', 'suspended', 'revoked']),
    statusReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Peer');

export const invitationBody = z.strictObject({ invitation: text(4000) });
export const createInvitationBody = z.strictObject({ note: text(500).optional() });
export const peerStatusBody = z.strictObject({
  status: z.enum(['active', 'suspended', 'revoked']),
  reason: text(1000),
});

export const statusSchema = z.object({
  outbox: z.object({
    pending: z.number(),
    dead: z.number(),
    delivered: z.number(),
    oldestPendingAt: z.string().nullable(),
  }),
  deadLetters: z.array(
    z.object({
      id: z.string(),
      peerId: z.string(),
      conversation: z.string(),
      seq: z.number(),
      type: z.string(),
      attempts: z.number(),
      lastError: z.string().nullable(),
      createdAt: z.string(),
      deadAt: z.string().nullable(),
    }),
  ),
});
