import type { RecordEntry } from '../../platform/audit/records.ts';
import type { CasePersonRow, CaseRow } from '../case-repo.ts';
import type { ConsentHistory } from '../consent/repo.ts';
import type { AssessmentSummaryRow } from '../identification/repo.ts';
import type { ActivityRow } from './activity-repo.ts';
import type { NoteRow } from './notes-repo.ts';
import type { ActivityDetail } from './tables.ts';
import { auditKey, type Position } from './timeline-order.ts';
import type { RecordWithoutHistory } from './timeline-repo.ts';

// Each source's rows as timeline entries. An entry names what happened, who did it, the person it
// concerns and non-sensitive detail; narratives (note bodies, task titles) are opened later, for
// the reader. Pure.

export type TimelineEntry = Position & {
  type: string;
  actor: { id: string | null; username: string | null } | null;
  personId: string | null;
  recordType: string;
  recordId: string;
  detail: ActivityDetail;
  /** A note's body or a task's title, to open for the reader. */
  narrative?: { kind: 'note'; note: NoteRow } | { kind: 'task'; taskId: string };
};

/** Source names (the order's second key) and the form of their ids. */
export const SOURCES = {
  activity: 'uuid',
  assessment: 'uuid',
  audit: 'serial',
  case: 'uuid',
  consent: 'uuid',
  link: 'uuid',
  note: 'uuid',
  record: 'uuid',
  withdrawal: 'uuid',
} as const;

const byId = (id: string | null) => (id === null ? null : { id, username: null });

export function caseOpened(c: CaseRow): TimelineEntry {
  return {
    atMs: c.created_at.getTime(),
    source: 'case',
    id: c.id,
    type: 'case.opened',
    actor: byId(c.created_by),
    personId: null,
    recordType: 'case',
    recordId: c.id,
    detail: { openedOn: c.opened_on },
  };
}

export function personLinked(l: CasePersonRow): TimelineEntry {
  return {
    atMs: l.linked_at.getTime(),
    source: 'link',
    id: l.person_id,
    type: 'case.person_linked',
    actor: byId(l.linked_by),
    personId: l.person_id,
    recordType: 'case',
    recordId: l.case_id,
    detail: { role: l.role },
  };
}

export function noteEntry(n: NoteRow & { atMs: number }): TimelineEntry {
  return {
    atMs: n.atMs,
    source: 'note',
    id: n.id,
    type: 'case_note.create',
    actor: byId(n.author_id),
    personId: null,
    recordType: 'case_note',
    recordId: n.id,
    detail: {},
    narrative: { kind: 'note', note: n },
  };
}

/** `pairedActor`: for a status change recorded by the trigger, the actor of its audit entry. */
export function activityEntry(a: ActivityRow, pairedActor?: RecordEntry): TimelineEntry {
  const actor = a.actorId
    ? { id: a.actorId, username: a.actor }
    : pairedActor
      ? { id: pairedActor.actorId, username: pairedActor.actor }
      : null;
  return {
    atMs: a.atMs,
    source: 'activity',
    id: a.id,
    type: a.action,
    actor,
    personId: a.personId,
    recordType: a.recordType,
    recordId: a.recordId,
    detail: a.detail,
    ...(a.recordType === 'case_task' ? { narrative: { kind: 'task' as const, taskId: a.recordId } } : {}),
  };
}

const CREATE_TYPE: Record<RecordWithoutHistory['record_type'], string> = {
  case_task: 'case_task.create',
  support_plan: 'support_plan.create',
  support_plan_item: 'support_item.create',
  trafficking_event: 'trafficking_event.create',
};

export function recordEntry(r: RecordWithoutHistory): TimelineEntry {
  return {
    atMs: r.created_at.getTime(),
    source: 'record',
    id: r.id,
    type: CREATE_TYPE[r.record_type],
    actor: byId(r.created_by),
    personId: r.person_id,
    recordType: r.record_type,
    recordId: r.id,
    detail: { source: 'record' },
    ...(r.record_type === 'case_task' ? { narrative: { kind: 'task' as const, taskId: r.id } } : {}),
  };
}

export function consentEntries(h: ConsentHistory): TimelineEntry[] {
  const c = h.consent;
  const recorded: TimelineEntry = {
    atMs: c.recorded_at.getTime(),
    source: 'consent',
    id: c.id,
    type: 'consent.record',
    actor: byId(c.recorded_by),
    personId: c.person_id,
    recordType: 'consent',
    recordId: c.id,
    detail: {
      purpose: c.purpose,
      categories: [...c.categories],
      recipientCountry: c.recipient_country,
      recipientAgency: c.recipient_agency,
      givenBy: c.given_by,
      method: c.method,
      conConsent: c.con_consent,
      givenAt: c.given_at.toISOString(),
      expiresAt: c.expires_at.toISOString(),
    },
  };
  const w = h.withdrawal;
  if (!w) return [recorded];
  return [
    recorded,
    {
      atMs: w.withdrawn_at.getTime(),
      source: 'withdrawal',
      id: w.id,
      type: 'consent.withdraw',
      actor: byId(w.recorded_by),
      personId: w.person_id,
      recordType: 'consent',
      recordId: c.id,
      detail: { statedBy: w.stated_by, method: w.method, purpose: c.purpose },
    },
  ];
}

export function assessmentEntry(a: AssessmentSummaryRow): TimelineEntry {
  return {
    atMs: a.created_at.getTime(),
    source: 'assessment',
    id: a.id,
    type: 'identification.assess',
    actor: byId(a.recorded_by),
    personId: a.person_id,
    recordType: 'identification_assessment',
    recordId: a.id,
    detail: {
      decision: a.decision,
      nonPunishment: a.non_punishment,
      subjectAge: a.subject_age,
      assessedAt: a.assessed_at.toISOString(),
      decidingAgencyId: a.deciding_agency_id,
    },
  };
}

export function auditEntry(e: RecordEntry): TimelineEntry {
  return {
    atMs: e.atMs,
    source: 'audit',
    id: auditKey(e.id),
    type: e.action,
    actor: { id: e.actorId, username: e.actor },
    personId: e.recordType === 'person' ? e.recordId : null,
    recordType: e.recordType,
    recordId: e.recordId,
    detail: { seq: e.seq },
  };
}

/**
 * Pairs status changes recorded by the trigger (no actor) with the `case.status` audit entries of
 * their transactions: each change with the first unpaired entry at or after it (a case's status
 * changes are serialised by its row lock, and the entry is written after the update).
 */
export function pairStatusActors(
  changes: readonly { id: string; at: Date }[],
  entries: readonly RecordEntry[],
): { paired: Map<string, RecordEntry>; unpaired: RecordEntry[] } {
  const ascending = [...entries].sort((a, b) => a.atMs - b.atMs || Number(BigInt(a.id) - BigInt(b.id)));
  const paired = new Map<string, RecordEntry>();
  const used = new Set<string>();
  let j = 0;
  for (const change of changes) {
    while (j < ascending.length && (ascending[j]?.atMs ?? 0) < change.at.getTime()) j++;
    const entry = ascending[j];
    if (!entry) break;
    paired.set(change.id, entry);
    used.add(entry.id);
    j++;
  }
  return { paired, unpaired: ascending.filter((e) => !used.has(e.id)) };
}
