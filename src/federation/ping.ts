import { z } from 'zod';
import { appendAudit } from '../platform/audit/append.ts';
import type { AppDeps } from '../platform/http/context.ts';
import type { Principal } from '../platform/http/policy.ts';
import type { MessageKind } from './kinds.ts';
import { enqueueMessage } from './outbox.ts';

// `federation.ping`: an administrator checks that messages reach a peer, through the same signed,
// durable path as referrals. The receiver keeps only its inbox row and audit entry.

export const pingBody = z.strictObject({ note: z.string().max(500).optional() });

export const pingKind: MessageKind<z.infer<typeof pingBody>> = {
  type: 'federation.ping',
  version: 1,
  schema: pingBody,
  handle: async () => {},
};

/** Queues a ping to a peer in its own conversation (or `conversation`, to test ordering). */
export async function sendPing(
  deps: AppDeps,
  principal: Principal | null,
  peerId: string,
  options: { conversation: string; note?: string },
): Promise<{ id: string; seq: number }> {
  return deps.db.transaction().execute(async (tx) => {
    const sent = await enqueueMessage(tx, deps, {
      peerId,
      conversation: options.conversation,
      type: pingKind.type,
      version: pingKind.version,
      body: options.note === undefined ? {} : { note: options.note },
    });
    await appendAudit(tx, {
      actor: principal ? { id: principal.userId, label: principal.username } : { id: null, label: 'system' },
      action: 'federation.ping.send',
      recordType: 'federation_message',
      recordId: sent.id,
      change: { peer: peerId, conversation: options.conversation, seq: sent.seq },
    });
    return sent;
  });
}
