import type { DeadLetterHandler, DeadLetterNotice } from '../federation/kinds.ts';
import { SYSTEM_ACTOR } from '../platform/audit/append.ts';
import type { Tx } from '../platform/db/database.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { MESSAGE_TYPES } from './message-schemas.ts';
import { lockPeerReferral } from './repo.ts';
import { recordEvent } from './timeline.ts';
import { transition } from './transitions.ts';

// When the federation outbox gives up on a referral message (the peer refused it for good, or it
// was not delivered in time), the referral says so, in the transaction that dead-letters it: a
// sent offer makes the referral 'undelivered' (never overdue: nothing is awaited from the other
// side), any later message a 'delivery_failed' event on the timeline. Both are audited.

/** Why, as a code the interface translates: the peer's error code, or 'expired'. */
export const undeliveredReason = (n: DeadLetterNotice) =>
  n.cause.kind === 'refused' ? n.cause.code : 'expired';

const noteOf = (n: DeadLetterNotice) =>
  n.cause.kind === 'refused'
    ? `${n.head.type}: ${n.cause.code}: ${n.cause.message}`
    : `${n.head.type}: not delivered within ${n.cause.hours} h`;

async function recordDeadLetter(tx: Tx, deps: AppDeps, n: DeadLetterNotice): Promise<void> {
  const r = await lockPeerReferral(tx, n.peerId, n.conversation);
  if (!r) return;
  const offerLost = n.head.type === MESSAGE_TYPES.offer && r.direction === 'outgoing' && r.status === 'sent';
  const kind = offerLost ? 'undelivered' : 'delivery_failed';
  const next = transition(r.status, kind);
  if (!next.ok) return;
  const reason = undeliveredReason(n);
  await recordEvent(tx, deps, {
    referralId: r.id,
    kind,
    status: next.status,
    actor: SYSTEM_ACTOR,
    at: n.at,
    note: noteOf(n).slice(0, 2000),
    ...(offerLost ? { changes: { undelivered_at: n.at, undelivered_reason: reason.slice(0, 100) } } : {}),
    audit: {
      messageId: n.head.id,
      messageType: n.head.type,
      reason,
      blocked: n.blocked.map((b) => b.type),
    },
  });
}

export const referralDeadLetters: DeadLetterHandler = {
  types: Object.values(MESSAGE_TYPES),
  handle: recordDeadLetter,
};
