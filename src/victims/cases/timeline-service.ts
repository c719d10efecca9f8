import { type AuditEvent, appendAuditBatch } from '../../platform/audit/append.ts';
import { listRecordEntries } from '../../platform/audit/records.ts';
import type { Exec } from '../../platform/db/database.ts';
import { invalid } from '../../platform/http/errors.ts';
import { casePersons } from '../case-repo.ts';
import { type ConsentHistory, listConsents } from '../consent/repo.ts';
import { type AssessmentSummaryRow, listPersonAssessments } from '../identification/repo.ts';
import { maySeeCaseNarratives } from '../policy.ts';
import { actorOf, type VictimsContext } from '../service.ts';
import { requireVisibleCase } from './access.ts';
import { listActivity } from './activity-repo.ts';
import { type Narrative, openNarrative } from './narrative.ts';
import { listNotesBelow } from './notes-repo.ts';
import { loadPersonRefs, type PersonRefs } from './person-refs.ts';
import { isCaseworker } from './policy.ts';
import { listCaseTasks } from './tasks-repo.ts';
import { agencyUsers, type UserRef } from './team-repo.ts';
import {
  belowFor,
  compareEntries,
  decodeCursor,
  encodeCursor,
  isAfter,
  LOWEST_UUID,
} from './timeline-order.ts';
import { recordsWithoutHistory, statusChanges } from './timeline-repo.ts';
import {
  activityEntry,
  assessmentEntry,
  auditEntry,
  caseOpened,
  consentEntries,
  noteEntry,
  pairStatusActors,
  personLinked,
  recordEntry,
  SOURCES,
  type TimelineEntry,
} from './timeline-sources.ts';

// The case timeline: everything that happened in a case and to its persons, newest first, from the
// sources listed in README.md. One transaction; the read, and every person shown, are audited.

/** Audit actions that another source shows with its detail. */
const SHOWN_ELSEWHERE = [
  'case.create',
  'case.link_person',
  'case.status',
  'case.owner',
  'case_team.add',
  'case_team.remove',
  'consent.record',
  'consent.withdraw',
  'identification.assess',
];
/**
 * Reads, shown only when asked for (`reads=true`): the catalogue's reads (`*.read`, `*.list`, a
 * consent decision, an export) and what the person page reads as it opens (merged records, possible
 * duplicates).
 */
const READ_ACTIONS =
  '\\.(read|read_shared|list|decide|export|merged_records|duplicate_(check|search|candidate))$';
/** Detail keys that name users, resolved in the response's `users`. */
const USER_KEYS = ['userId', 'fromUserId', 'toUserId', 'assigneeId'];

export type TimelineQuery = { limit: number; cursor?: string; reads: 'true' | 'false' };

export type TimelinePage = {
  entries: (TimelineEntry & { text?: Narrative })[];
  persons: PersonRefs;
  users: Map<string, UserRef>;
  nextCursor: string | null;
};

export async function readTimeline(
  ctx: VictimsContext,
  caseId: string,
  query: TimelineQuery,
): Promise<TimelinePage> {
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor, SOURCES);
  if (query.cursor !== undefined && cursor === undefined) {
    throw invalid('Invalid query: cursor: is not a cursor this timeline gave', [
      { path: 'cursor', code: 'bad_cursor', message: 'is not a cursor this timeline gave' },
    ]);
  }
  return ctx.db.transaction().execute(async (tx) => {
    const caseRow = await requireVisibleCase(tx, ctx.principal, caseId);
    const fetch = query.limit + 1;
    const links = await casePersons(tx, caseId);
    const personIds = links.map((l) => l.person_id);
    const consents: ConsentHistory[] = [];
    const assessments: AssessmentSummaryRow[] = [];
    for (const id of personIds) {
      consents.push(...(await listConsents(tx, id)));
      assessments.push(...(await listPersonAssessments(tx, ctx.principal.agencyId, id)));
    }
    const statusEntries = await listRecordEntries(tx, {
      recordIds: [caseId],
      actions: ['case.status'],
      limit: 10_000,
    });
    const { paired, unpaired } = pairStatusActors(await statusChanges(tx, caseId), statusEntries);

    const inMemory: TimelineEntry[] = [
      caseOpened(caseRow),
      ...links.map(personLinked),
      ...consents.flatMap(consentEntries),
      ...assessments.map(assessmentEntry),
      ...(await recordsWithoutHistory(tx, caseId)).map(recordEntry),
      ...unpaired.map(auditEntry),
    ].filter((e) => isAfter(e, cursor));
    const activity = await listActivity(tx, caseId, {
      below: belowFor(cursor, 'activity', LOWEST_UUID),
      limit: fetch,
    });
    const notes = await listNotesBelow(tx, caseId, {
      below: belowFor(cursor, 'note', LOWEST_UUID),
      limit: fetch,
    });
    const audit = await listRecordEntries(tx, {
      recordIds: [
        caseId,
        ...personIds,
        ...consents.map((c) => c.consent.id),
        ...assessments.map((a) => a.id),
      ],
      skipActions: SHOWN_ELSEWHERE,
      skipActionPattern: query.reads === 'true' ? undefined : READ_ACTIONS,
      below: belowFor(cursor, 'audit', '0'),
      limit: fetch,
    });
    const merged = [
      ...inMemory,
      ...activity.map((a) => activityEntry(a, paired.get(a.id))),
      ...notes.map(noteEntry),
      ...audit.map(auditEntry),
    ].sort(compareEntries);
    const page = merged.slice(0, query.limit);
    const last = page.at(-1);

    const entries = await openTexts(ctx, tx, caseId, page);
    await appendAuditBatch(tx, [
      {
        actor: actorOf(ctx.principal),
        action: 'case_timeline.read',
        recordType: 'case',
        recordId: caseId,
        change: { cursor: query.cursor ?? null, reads: query.reads, entries: page.length },
      },
      ...tamperEvents(ctx, entries),
    ]);
    const persons = await loadPersonRefs(
      ctx,
      tx,
      page.flatMap((e) => (e.personId ? [e.personId] : [])),
    );
    const users = await agencyUsers(tx, ctx.principal.agencyId, userIdsOf(page));
    return {
      entries,
      persons,
      users,
      nextCursor: merged.length > query.limit && last ? encodeCursor(last) : null,
    };
  });
}

/** Note bodies for caseworkers; task titles for caseworkers and the task's assignee. */
async function openTexts(ctx: VictimsContext, tx: Exec, caseId: string, page: readonly TimelineEntry[]) {
  const needsTasks = page.some((e) => e.narrative?.kind === 'task');
  const tasks = new Map((needsTasks ? await listCaseTasks(tx, caseId) : []).map((t) => [t.id, t]));
  const notesAllowed = maySeeCaseNarratives(ctx.principal.roles);
  return page.map((e) => {
    const n = e.narrative;
    if (!n) return e;
    if (n.kind === 'note') {
      const at = { table: 'case_comments', column: 'body_enc', id: n.note.id };
      return { ...e, text: openNarrative(ctx.cipher, notesAllowed, at, n.note.body_enc) };
    }
    const task = tasks.get(n.taskId);
    if (!task) return { ...e, text: { status: 'shown' as const, value: null } };
    const allowed = isCaseworker(ctx.principal.roles) || task.assignee_id === ctx.principal.userId;
    const at = { table: 'case_tasks', column: 'title_enc', id: task.id };
    return { ...e, text: openNarrative(ctx.cipher, allowed, at, task.title_enc) };
  });
}

function tamperEvents(
  ctx: VictimsContext,
  entries: readonly (TimelineEntry & { text?: Narrative })[],
): AuditEvent[] {
  const seen = new Set<string>();
  return entries.flatMap((e) => {
    if (e.text?.status !== 'tampered' || seen.has(e.recordId)) return [];
    seen.add(e.recordId);
    const note = e.recordType === 'case_note';
    return [
      {
        actor: actorOf(ctx.principal),
        action: note ? 'case_note.tamper_detected' : 'case_task.tamper_detected',
        recordType: note ? 'case_note' : 'case_task',
        recordId: e.recordId,
        change: { tampered: [note ? 'body' : 'title'] },
      },
    ];
  });
}

function userIdsOf(page: readonly TimelineEntry[]): string[] {
  return page.flatMap((e) => {
    const ids = USER_KEYS.map((k) => e.detail[k]).filter((v): v is string => typeof v === 'string');
    return e.actor?.id ? [e.actor.id, ...ids] : ids;
  });
}
