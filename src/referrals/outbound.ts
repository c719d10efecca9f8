import { enqueueMessage } from '../federation/outbox.ts';
import type { Tx } from '../platform/db/database.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { MESSAGE_VERSION } from './message-schemas.ts';

// Every referral message goes to the referral's peer in the conversation named by the referral id,
// queued in the caller's transaction: the change and its message commit together, or neither.

export type SendDeps = Pick<AppDeps, 'cipher' | 'node'>;

export async function sendToPeer(
  tx: Tx,
  deps: SendDeps,
  referral: { id: string; peer_id: string },
  type: string,
  body: unknown,
): Promise<void> {
  await enqueueMessage(tx, deps, {
    peerId: referral.peer_id,
    conversation: referral.id,
    type,
    version: MESSAGE_VERSION,
    body,
  });
}
