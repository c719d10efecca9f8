import { discardDeadLetters } from '../federation/outbox.ts';
import type { Actor } from '../platform/audit/append.ts';
import type { Tx } from '../platform/db/database.ts';
import { MESSAGE_TYPES, type WithdrawBody } from './message-schemas.ts';
import { type SendDeps, sendToPeer } from './outbound.ts';
import { lockReferralsRelyingOn } from './repo.ts';
import { recordEvent } from './timeline.ts';

// Called by the consent module inside the transaction that withdraws a consent: every sent referral
// that relied on it is withdrawn, and `referral.withdraw` is queued to its peer in that transaction,
// so a withdrawal without its message cannot exist. The peer purges and confirms (referral.status).
// An undelivered referral's peer has nothing to purge: no message goes, and the dead-lettered offer
// is discarded from the outbox so that no administrator can send the person's data again.

export async function withdrawReferralsRelyingOn(
  tx: Tx,
  deps: SendDeps | undefined,
  actor: Actor,
  consentId: string,
): Promise<string[]> {
  const referrals = await lockReferralsRelyingOn(tx, consentId);
  if (referrals.length === 0) return [];
  // Without the node identity no message can be queued; refusing keeps the withdrawal and its
  // messages together rather than withdrawing silently at home only.
  if (!deps) throw new Error('withdrawing a consent that sent referrals rely on needs the node identity');
  const at = new Date();
  for (const r of referrals) {
    // None discarded: an administrator sent the offer again, so it may arrive; the withdrawal follows it.
    const discarded = r.status === 'undelivered' ? await discardDeadLetters(tx, r.peer_id, r.id) : 0;
    if (discarded === 0) {
      const body: WithdrawBody = { referralId: r.id, at: at.toISOString(), consentIds: [consentId] };
      await sendToPeer(tx, deps, r, MESSAGE_TYPES.withdraw, body);
    }
    await recordEvent(tx, deps, {
      referralId: r.id,
      kind: 'withdrawn',
      status: 'withdrawn',
      actor,
      at,
      changes: { withdrawn_at: at },
      audit: {
        consentId,
        previousStatus: r.status,
        ...(discarded > 0 ? { discardedMessages: discarded } : {}),
      },
    });
  }
  return referrals.map((r) => r.id);
}
