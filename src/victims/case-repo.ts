import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Exec } from '../platform/db/database.ts';
import type { CasePersonsTable, CaseStatus, CasesTable } from './tables.ts';

// All SQL on cases and the persons linked to them, scoped to one agency.

export type CaseRow = Omit<Selectable<CasesTable>, 'opened_on'> & { opened_on: string };
export type CasePersonRow = Selectable<CasePersonsTable>;

const CASE_COLUMNS = [
  'id',
  'agency_id',
  'external_id',
  'status',
  'htcds_status',
  'close_reason_enc',
  'closed_at',
  'owner_id',
  'created_by',
  'created_at',
  'updated_at',
] as const;

function selectCases(db: Exec) {
  return db.selectFrom('cases').select(CASE_COLUMNS).select(sql<string>`opened_on::text`.as('opened_on'));
}

export async function insertCase(tx: Exec, values: Insertable<CasesTable>): Promise<void> {
  await tx.insertInto('cases').values(values).execute();
}

export async function updateCase(tx: Exec, id: string, values: Updateable<CasesTable>): Promise<void> {
  await tx
    .updateTable('cases')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/**
 * A case a user who is not a caseworker may see: one they own or are on the team of
 * (cases/access.ts, `maySeeCase`, for one case at a time).
 */
export const caseVisibleTo = (userId: string) =>
  sql<boolean>`(cases.owner_id = ${userId} or exists (select 1 from case_team_members t where t.case_id = cases.id and t.user_id = ${userId}))`;

export async function findCase(
  db: Exec,
  agencyId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CaseRow | undefined> {
  let query = selectCases(db).where('agency_id', '=', agencyId).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function listCases(
  db: Exec,
  agencyId: string,
  options: { limit: number; status?: CaseStatus; afterId?: string; visibleTo?: string },
): Promise<CaseRow[]> {
  let query = selectCases(db).where('agency_id', '=', agencyId);
  if (options.status) query = query.where('status', '=', options.status);
  if (options.visibleTo) query = query.where(caseVisibleTo(options.visibleTo));
  if (options.afterId) {
    query = query.where(
      sql<boolean>`(created_at, id) < (select c.created_at, c.id from cases c where c.id = ${options.afterId})`,
    );
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

/** Links a person; false when the link already exists. */
export async function insertCasePerson(tx: Exec, values: Insertable<CasePersonsTable>): Promise<boolean> {
  const result = await tx
    .insertInto('case_persons')
    .values(values)
    .onConflict((oc) => oc.columns(['case_id', 'person_id']).doNothing())
    .executeTakeFirst();
  return result.numInsertedOrUpdatedRows === 1n;
}

export async function casePersons(db: Exec, caseId: string): Promise<CasePersonRow[]> {
  return db
    .selectFrom('case_persons')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('linked_at')
    .orderBy('person_id')
    .execute();
}

/** Which of these persons exist in the agency. */
export async function existingPersonIds(
  db: Exec,
  agencyId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('persons')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function isAgencyUser(db: Exec, agencyId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return row !== undefined;
}
