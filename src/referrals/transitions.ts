import { type Direction, type EventKind, REFERRAL_STATUSES, type ReferralStatus } from './tables.ts';

// The referral lifecycle (issue 5 §5), the same on both nodes: draft → sent → received → accepted |
// declined → in_progress (steps, reintegration) → completed | closed; withdrawn when the consent it
// relied on is withdrawn; on the sending node, sent → undelivered when the offer is dead-lettered.
// Pure: which event may happen in which status, and the status after it.

const OPEN_AFTER_ACCEPT: readonly ReferralStatus[] = ['accepted', 'in_progress'];

const RULES: Record<EventKind, { from: readonly ReferralStatus[]; to: ReferralStatus | 'same' }> = {
  created: { from: [], to: 'draft' },
  sent: { from: ['draft'], to: 'sent' },
  // Undelivered, the offer can still arrive: an administrator may send the dead letter again.
  received: { from: ['sent', 'undelivered'], to: 'received' },
  // An accept may overtake the acknowledgement in no order we send, but a node restored from backup
  // may have missed it: accepting a 'sent' referral is allowed.
  accepted: { from: ['sent', 'received'], to: 'accepted' },
  declined: { from: ['sent', 'received'], to: 'declined' },
  step: { from: OPEN_AFTER_ACCEPT, to: 'in_progress' },
  reintegration: { from: OPEN_AFTER_ACCEPT, to: 'in_progress' },
  completed: { from: OPEN_AFTER_ACCEPT, to: 'completed' },
  closed: { from: ['received', 'accepted', 'in_progress'], to: 'closed' },
  withdrawn: {
    from: ['sent', 'undelivered', 'received', 'accepted', 'in_progress', 'completed', 'closed', 'declined'],
    to: 'withdrawn',
  },
  purged: { from: ['withdrawn'], to: 'same' },
  purge_confirmed: { from: ['withdrawn'], to: 'same' },
  assessment_shared: { from: ['sent', 'received', 'accepted', 'in_progress'], to: 'same' },
  // Recorded by the sending node when the federation outbox dead-letters a message of the referral.
  undelivered: { from: ['sent'], to: 'undelivered' },
  delivery_failed: { from: REFERRAL_STATUSES.filter((s) => s !== 'draft'), to: 'same' },
};

/** Which side may cause each event by a local user's act (the other side learns it by message). */
export const ACTED_BY: Partial<Record<EventKind, Direction>> = {
  sent: 'outgoing',
  accepted: 'incoming',
  declined: 'incoming',
  step: 'incoming',
  reintegration: 'incoming',
  completed: 'incoming',
  closed: 'incoming',
  assessment_shared: 'outgoing',
};

export type Transition = { ok: true; status: ReferralStatus } | { ok: false; message: string };

export function transition(current: ReferralStatus, event: EventKind): Transition {
  const rule = RULES[event];
  if (!rule.from.includes(current)) {
    return { ok: false, message: `a referral that is ${current} cannot be ${event.replace('_', ' ')}` };
  }
  return { ok: true, status: rule.to === 'same' ? current : rule.to };
}
