import { describe, expect, it } from 'vitest';
import { computeSla } from './sla.ts';
import { transition } from './transitions.ts';

const HOUR = 3_600_000;
const settings = { ackHours: 24, decisionHours: 72 };
const sentAt = new Date('2026-03-02T08:00:00Z');
const hoursAfter = (hours: number) => new Date(sentAt.getTime() + hours * HOUR);

describe('SLA deadlines', () => {
  it('is not overdue before the acknowledgement deadline', () => {
    const sla = computeSla(
      { status: 'sent', sentAt, receivedAt: null, decidedAt: null },
      settings,
      hoursAfter(23.9),
    );
    expect(sla).toMatchObject({
      overdue: null,
      ackDueAt: hoursAfter(24).toISOString(),
      decisionDueAt: hoursAfter(72).toISOString(),
    });
  });

  it('shows an unacknowledged referral overdue after 24 h', () => {
    const sla = computeSla(
      { status: 'sent', sentAt, receivedAt: null, decidedAt: null },
      settings,
      hoursAfter(25),
    );
    expect(sla.overdue).toBe('acknowledgement');
    expect(sla.ackLate).toBe(true);
  });

  it('shows an acknowledged but undecided referral overdue after 72 h, not before', () => {
    const t = { status: 'received' as const, sentAt, receivedAt: hoursAfter(1), decidedAt: null };
    expect(computeSla(t, settings, hoursAfter(71)).overdue).toBeNull();
    expect(computeSla(t, settings, hoursAfter(73)).overdue).toBe('decision');
  });

  it('stops the clock once decided, and remembers a late decision', () => {
    const sla = computeSla(
      { status: 'accepted', sentAt, receivedAt: hoursAfter(30), decidedAt: hoursAfter(80) },
      settings,
      hoursAfter(500),
    );
    expect(sla).toMatchObject({ overdue: null, ackLate: true, decisionLate: true });
  });

  it('follows the node configuration', () => {
    const t = { status: 'sent' as const, sentAt, receivedAt: null, decidedAt: null };
    expect(computeSla(t, { ackHours: 2, decisionHours: 4 }, hoursAfter(3)).overdue).toBe('acknowledgement');
    expect(computeSla(t, { ackHours: 2, decisionHours: 4 }, hoursAfter(1)).overdue).toBeNull();
  });

  it('never shows an undelivered referral overdue: nothing is awaited from the other side', () => {
    const sla = computeSla(
      { status: 'undelivered', sentAt, receivedAt: null, decidedAt: null },
      settings,
      hoursAfter(500),
    );
    expect(sla).toMatchObject({ overdue: null, ackLate: false, decisionLate: false });
  });

  it('has no deadline for a draft', () => {
    expect(
      computeSla(
        { status: 'draft', sentAt: null, receivedAt: null, decidedAt: null },
        settings,
        hoursAfter(1000),
      ).overdue,
    ).toBeNull();
  });
});

describe('lifecycle', () => {
  it('goes draft → sent → received → accepted → in_progress → completed', () => {
    let status = 'draft' as Parameters<typeof transition>[0];
    for (const [event, expected] of [
      ['sent', 'sent'],
      ['received', 'received'],
      ['accepted', 'accepted'],
      ['step', 'in_progress'],
      ['reintegration', 'in_progress'],
      ['completed', 'completed'],
    ] as const) {
      const t = transition(status, event);
      expect(t, event).toEqual({ ok: true, status: expected });
      if (t.ok) status = t.status;
    }
  });

  it('refuses steps before acceptance, a second decision, and sending twice', () => {
    expect(transition('received', 'step').ok).toBe(false);
    expect(transition('declined', 'accepted').ok).toBe(false);
    expect(transition('sent', 'sent').ok).toBe(false);
    expect(transition('completed', 'step').ok).toBe(false);
  });

  it('withdraws from any sent state, but never a draft', () => {
    for (const s of [
      'sent',
      'undelivered',
      'received',
      'accepted',
      'in_progress',
      'completed',
      'closed',
      'declined',
    ] as const) {
      expect(transition(s, 'withdrawn')).toEqual({ ok: true, status: 'withdrawn' });
    }
    expect(transition('draft', 'withdrawn').ok).toBe(false);
  });

  it('marks only a sent referral undelivered; it can still arrive, or be withdrawn, but nothing else', () => {
    expect(transition('sent', 'undelivered')).toEqual({ ok: true, status: 'undelivered' });
    expect(transition('received', 'undelivered').ok).toBe(false);
    expect(transition('undelivered', 'received')).toEqual({ ok: true, status: 'received' });
    expect(transition('undelivered', 'assessment_shared').ok).toBe(false);
    expect(transition('undelivered', 'accepted').ok).toBe(false);
    // A later message that failed leaves the status as it was.
    expect(transition('accepted', 'delivery_failed')).toEqual({ ok: true, status: 'accepted' });
    expect(transition('draft', 'delivery_failed').ok).toBe(false);
  });
});
