import { randomUUID } from 'node:crypto';
import type { AuditAction } from '../platform/audit/actions.ts';
import { type AuditEvent, appendAudit, appendAuditBatch } from '../platform/audit/append.ts';
import type { Exec } from '../platform/db/database.ts';
import { conflict, invalid } from '../platform/http/errors.ts';
import {
  type CasePersonRow,
  type CaseRow,
  casePersons,
  existingPersonIds,
  insertCase,
  insertCasePerson,
  isAgencyUser,
  listCases,
  updateCase,
} from './case-repo.ts';
import type { CaseStatusInput, CreateCaseInput, LinkPersonInput } from './case-schema.ts';
import { requireVisibleCase } from './cases/access.ts';
import { isCaseworker } from './cases/policy.ts';
import { refuseMergedAway } from './duplicates/guard.ts';
import { fieldContext } from './encrypted-columns.ts';
import { openField } from './identity.ts';
import { maySeeCaseNarratives } from './policy.ts';
import { findPersons, refuseDuplicateExternalId } from './repo.ts';
import { searchKeys } from './search-keys.ts';
import { actorOf, readEvents, type VictimsContext, type ViewedPerson, viewPerson } from './service.ts';
import type { CaseStatus } from './tables.ts';

// Commands and queries on cases, each in one transaction with its audit entries.

/** Lifecycle moves a case may make (issue 4 §3); a closed case may be reopened as active. */
const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ['active', 'referred', 'closed'],
  active: ['referred', 'closed'],
  referred: ['active', 'closed'],
  closed: ['active'],
};

/** cas_Status that follows each lifecycle status unless the request gives one. */
const HTCDS_STATUS: Record<CaseStatus, string> = {
  open: 'Active',
  active: 'Active',
  referred: 'ClosedReferred',
  closed: 'Closed',
};

export type ViewedCase = {
  row: CaseRow;
  /** undefined: not shown to this reader. */
  closeReason: { value: string | null } | 'tampered' | undefined;
  persons: { link: CasePersonRow; person: ViewedPerson }[];
};

export async function openCase(ctx: VictimsContext, input: CreateCaseInput): Promise<ViewedCase> {
  const { agencyId, userId } = ctx.principal;
  const id = randomUUID();
  const links = input.persons ?? [];
  return refuseDuplicateExternalId(() =>
    ctx.db.transaction().execute(async (tx) => {
      if (input.ownerId && !(await isAgencyUser(tx, agencyId, input.ownerId))) {
        throw invalid('The owner must be a user of your agency.', [
          { path: 'ownerId', code: 'not_agency_user', message: 'is not a user of your agency' },
        ]);
      }
      const known = await existingPersonIds(
        tx,
        agencyId,
        links.map((l) => l.personId),
      );
      const missing = links.flatMap((l, i) =>
        known.has(l.personId)
          ? []
          : [
              {
                path: `persons.${i}.personId`,
                code: 'unknown_person',
                message: 'no such person in your agency',
              },
            ],
      );
      if (missing.length > 0) throw invalid('A linked person does not exist.', missing);
      const row = {
        id,
        agency_id: agencyId,
        external_id: input.externalId ?? null,
        opened_on: input.openedOn,
        owner_id: input.ownerId ?? userId,
        htcds_status: input.htcdsStatus ?? HTCDS_STATUS.open,
        created_by: userId,
      };
      await insertCase(tx, row);
      for (const l of links) {
        await insertCasePerson(tx, {
          case_id: id,
          person_id: l.personId,
          agency_id: agencyId,
          role: l.role,
          linked_by: userId,
        });
      }
      await appendAudit(tx, {
        actor: actorOf(ctx.principal),
        action: 'case.create',
        recordType: 'case',
        recordId: id,
        change: { case: row, persons: links },
      });
      return loadCase(ctx, tx, id, null);
    }),
  );
}

/** Loads a case for this reader; the linked persons shown are always audited as reads. */
async function loadCase(ctx: VictimsContext, tx: Exec, id: string, action: 'case.read' | null) {
  const row = await requireVisibleCase(tx, ctx.principal, id);
  const keys = await searchKeys(ctx.db, ctx.cipher);
  const links = await casePersons(tx, id);
  const records = new Map(
    (
      await findPersons(
        tx,
        ctx.principal.agencyId,
        links.map((l) => l.person_id),
      )
    ).map((r) => [r.person.id, r]),
  );
  const persons = links.flatMap((link) => {
    const record = records.get(link.person_id);
    return record ? [{ link, person: viewPerson(ctx, keys, record) }] : [];
  });
  const closeReason = maySeeCaseNarratives(ctx.principal.roles)
    ? openField(ctx.cipher, 'cases', 'close_reason_enc', id, row.close_reason_enc)
    : undefined;
  const viewed: ViewedCase = { row, closeReason, persons };
  const events = readEvents(
    ctx,
    'person.read',
    persons.map((p) => p.person),
  );
  await appendAuditBatch(tx, action ? [...caseReadEvents(ctx, action, [viewed]), ...events] : events);
  return viewed;
}

function caseReadEvents(
  ctx: VictimsContext,
  action: AuditAction,
  cases: readonly ViewedCase[],
): AuditEvent[] {
  const actor = actorOf(ctx.principal);
  return cases.flatMap((c) => {
    const read: AuditEvent = {
      actor,
      action,
      recordType: 'case',
      recordId: c.row.id,
      change: { narratives: c.closeReason !== undefined },
    };
    if (c.closeReason !== 'tampered') return [read];
    const tampered: AuditEvent = {
      actor,
      action: 'case.tamper_detected',
      recordType: 'case',
      recordId: c.row.id,
      change: { tampered: ['closeReason'] },
    };
    return [read, tampered];
  });
}

export async function readCase(ctx: VictimsContext, id: string): Promise<ViewedCase> {
  return ctx.db.transaction().execute((tx) => loadCase(ctx, tx, id, 'case.read'));
}

/** Newest first. The list shows no persons, so only the cases are audited. */
export async function listVisibleCases(
  ctx: VictimsContext,
  query: { status?: CaseStatus; limit: number; cursor?: string },
): Promise<{ cases: ViewedCase[]; nextCursor: string | null }> {
  return ctx.db.transaction().execute(async (tx) => {
    const rows = await listCases(tx, ctx.principal.agencyId, {
      limit: query.limit + 1,
      status: query.status,
      afterId: query.cursor,
      // non-caseworkers see the cases they own or are on the team of (cases/access.ts)
      ...(isCaseworker(ctx.principal.roles) ? {} : { visibleTo: ctx.principal.userId }),
    });
    const page = rows.slice(0, query.limit);
    const cases = page.map((row) => ({ row, closeReason: undefined, persons: [] }));
    await appendAuditBatch(tx, caseReadEvents(ctx, 'case.list', cases));
    const last = page.at(-1);
    return { cases, nextCursor: rows.length > query.limit && last ? last.id : null };
  });
}

export async function changeCaseStatus(
  ctx: VictimsContext,
  id: string,
  input: CaseStatusInput,
): Promise<ViewedCase> {
  if (input.status === 'closed' && input.reason === undefined) {
    throw invalid('Closing a case needs a reason.', [
      { path: 'reason', code: 'required', message: 'is required to close a case' },
    ]);
  }
  if (input.status !== 'closed' && input.reason !== undefined) {
    throw invalid('A reason is recorded only when closing.', [
      { path: 'reason', code: 'only_when_closing', message: 'is only for closing a case' },
    ]);
  }
  return ctx.db.transaction().execute(async (tx) => {
    const row = await requireVisibleCase(tx, ctx.principal, id, { forUpdate: true });
    if (!NEXT[row.status].includes(input.status)) {
      throw conflict(`A ${row.status} case cannot become ${input.status}.`, [
        {
          path: 'status',
          code: 'status_change',
          message: `cannot go from ${row.status} to ${input.status}`,
          params: { from: row.status, to: input.status },
        },
      ]);
    }
    const closing = input.status === 'closed';
    const changes = {
      status: input.status,
      htcds_status: input.htcdsStatus ?? HTCDS_STATUS[input.status],
      close_reason_enc:
        closing && input.reason !== undefined
          ? ctx.cipher.encrypt(input.reason, fieldContext('cases', 'close_reason_enc', id))
          : null,
      closed_at: closing ? new Date() : null,
    };
    await updateCase(tx, id, changes);
    await appendAudit(tx, {
      actor: actorOf(ctx.principal),
      action: 'case.status',
      recordType: 'case',
      recordId: id,
      change: { from: row.status, ...changes },
    });
    return loadCase(ctx, tx, id, null);
  });
}

export async function linkPerson(
  ctx: VictimsContext,
  caseId: string,
  input: LinkPersonInput,
): Promise<ViewedCase> {
  const { agencyId, userId } = ctx.principal;
  return ctx.db.transaction().execute(async (tx) => {
    await requireVisibleCase(tx, ctx.principal, caseId, { forUpdate: true });
    const known = await existingPersonIds(tx, agencyId, [input.personId]);
    if (!known.has(input.personId)) {
      throw invalid('The person does not exist.', [
        { path: 'personId', code: 'unknown_person', message: 'no such person in your agency' },
      ]);
    }
    await refuseMergedAway(tx, input.personId);
    const linked = await insertCasePerson(tx, {
      case_id: caseId,
      person_id: input.personId,
      agency_id: agencyId,
      role: input.role,
      linked_by: userId,
    });
    if (!linked) {
      throw conflict('The person is already linked to this case.', [
        { path: 'personId', code: 'already_linked', message: 'is already linked' },
      ]);
    }
    await appendAudit(tx, {
      actor: actorOf(ctx.principal),
      action: 'case.link_person',
      recordType: 'case',
      recordId: caseId,
      change: input,
    });
    return loadCase(ctx, tx, caseId, null);
  });
}
