import type { ReferralStatus } from './tables.ts';

// Service-level deadlines (issue 5 §5), per node configuration: the receiving node acknowledges
// within `ackHours` of sending and the receiving agency decides within `decisionHours`. Both sides
// compute them from the same timestamps (the offer carries its sending time), so both show the
// same overdue referral. Pure: `now` is passed in.

export type SlaSettings = { ackHours: number; decisionHours: number };
export type SlaTimes = {
  status: ReferralStatus;
  sentAt: Date | null;
  receivedAt: Date | null;
  decidedAt: Date | null;
};
export type Sla = {
  ackDueAt: string | null;
  decisionDueAt: string | null;
  /** What is overdue now: the acknowledgement, the decision, or nothing. */
  overdue: 'acknowledgement' | 'decision' | null;
  /** A deadline that was missed, even if met late since (for the record). */
  ackLate: boolean;
  decisionLate: boolean;
};

const HOUR = 3_600_000;
const WAITING_FOR_DECISION: readonly ReferralStatus[] = ['sent', 'received'];

export function computeSla(t: SlaTimes, settings: SlaSettings, now: Date): Sla {
  if (!t.sentAt)
    return { ackDueAt: null, decisionDueAt: null, overdue: null, ackLate: false, decisionLate: false };
  const ackDue = new Date(t.sentAt.getTime() + settings.ackHours * HOUR);
  const decisionDue = new Date(t.sentAt.getTime() + settings.decisionHours * HOUR);
  const waiting = WAITING_FOR_DECISION.includes(t.status);
  const ackOverdue = waiting && t.receivedAt === null && now > ackDue;
  const decisionOverdue = waiting && t.decidedAt === null && now > decisionDue;
  return {
    ackDueAt: ackDue.toISOString(),
    decisionDueAt: decisionDue.toISOString(),
    overdue: ackOverdue ? 'acknowledgement' : decisionOverdue ? 'decision' : null,
    ackLate: t.receivedAt === null ? ackOverdue : t.receivedAt > ackDue,
    decisionLate: t.decidedAt === null ? decisionOverdue : t.decidedAt > decisionDue,
  };
}
