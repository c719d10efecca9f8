import { type CompiledQuery, type Insertable, type Selectable, sql } from 'kysely';
import type { DB, Db, Exec } from '../../platform/db/database.ts';
import { caseVisibleTo } from '../case-repo.ts';
import type { OrganisationsTable } from '../tables.ts';
import { REFERRAL_DATES, REFERRAL_VALUES } from './case-referral-repo.ts';

// The SQL of HTCDS import and export that the victims repositories do not already have: lookups by
// external id and name, the first event, plan and item of each person in a case (the ones a flat row
// carries), a case's latest comment, and multi-row inserts. Scoped to one agency throughout.

export type OrgRow = Selectable<OrganisationsTable>;

/** `jaring:<uuid>`: the key an export gives a record that has no external id. */
const OWN_KEY = /^jaring:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
export const ownKey = (id: string) => `jaring:${id}`;

function splitKeys(keys: readonly string[]) {
  const own = new Map<string, string>();
  for (const k of keys) {
    const m = OWN_KEY.exec(k);
    if (m?.[1]) own.set(m[1], k);
  }
  return { own, ids: [...own.keys()] };
}

/**
 * Of the persons named (key → id, as `idsByKeys` gives), those merged into another person
 * (tombstones): key → the survivor's key (its external id, or its own key when it has none).
 */
export async function mergedAway(
  db: Exec,
  agencyId: string,
  ids: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (ids.size === 0) return out;
  const rows = await db
    .selectFrom('person_merges as m')
    .innerJoin('persons as s', 's.id', 'm.survivor_id')
    .select(['m.merged_id', 's.id as survivor_id', 's.external_id as survivor_key'])
    .where('m.agency_id', '=', agencyId)
    .where('m.status', '=', 'merged')
    .where(sql<boolean>`m.merged_id = any(${[...ids.values()]}::uuid[])`)
    .execute();
  const keyOf = new Map([...ids].map(([key, id]) => [id, key]));
  for (const r of rows) {
    const key = keyOf.get(r.merged_id);
    if (key !== undefined) out.set(key, r.survivor_key ?? ownKey(r.survivor_id));
  }
  return out;
}

/**
 * key → id of the persons (or cases) these keys name: by external id, or by own key when it has
 * none. The keys go as one array parameter: a whole file's keys exceed PostgreSQL's 65,535
 * parameters a statement. Each key is one probe of `unique (agency_id, external_id)`. During an
 * import the statistics say the agency has next to no rows, so the planner scanned all of them by
 * an index on agency_id alone: once a batch (29 µs of PostgreSQL CPU a row at 100,000 rows), or
 * once a key (670 µs) in a per-key probe. Hence `limit 1` (the lateral join stays a loop) and the
 * agency as a sub-select (a generic estimate, not the stale one for that value).
 */
export async function idsByKeys(
  db: Exec,
  table: 'persons' | 'cases',
  agencyId: string,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (keys.length === 0) return out;
  const { own, ids } = splitKeys(keys);
  const byExternal = sql<{ id: string; external_id: string | null }>`
    select r.id, r.external_id from unnest(${[...keys]}::text[]) as k (key)
    cross join lateral (
      select id, external_id from ${sql.table(table)}
      where agency_id = (select ${agencyId}::uuid) and external_id = k.key limit 1
    ) as r`;
  const rows =
    ids.length > 0
      ? await sql<{ id: string; external_id: string | null }>`${byExternal}
          union all
          select id, external_id from ${sql.table(table)}
          where agency_id = ${agencyId} and id = any(${ids}::uuid[]) and external_id is null`.execute(db)
      : await byExternal.execute(db);
  for (const r of rows.rows) out.set(r.external_id ?? own.get(r.id) ?? r.id, r.id);
  return out;
}

export async function interviewConsents(
  db: Exec,
  personIds: readonly string[],
): Promise<Map<string, boolean>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('htcds_interview_consents')
    .select(['person_id', 'con_consent'])
    .where('person_id', 'in', [...personIds])
    .execute();
  return new Map(rows.map((r) => [r.person_id, r.con_consent]));
}

export async function organisationsByIds(
  db: Exec,
  agencyId: string,
  ids: readonly string[],
): Promise<Map<string, OrgRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The organisation each name refers to: the oldest of the agency's with exactly that name. */
export async function organisationsByNames(
  db: Exec,
  agencyId: string,
  names: readonly string[],
): Promise<Map<string, OrgRow>> {
  if (names.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .selectAll()
    .distinctOn('name')
    .where('agency_id', '=', agencyId)
    .where('name', 'in', [...new Set(names)])
    .orderBy('name')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [r.name, r]));
}

export type CaseRow = {
  id: string;
  agency_id: string;
  external_id: string | null;
  status: 'open' | 'active' | 'referred' | 'closed';
  htcds_status: string;
  close_reason_enc: string | null;
  opened_on: string;
  owner_id: string | null;
  owner_username: string | null;
};

export async function casesByIds(db: Exec, agencyId: string, ids: readonly string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('cases')
    .leftJoin('users', 'users.id', 'cases.owner_id')
    .select([
      'cases.id',
      'cases.external_id',
      'cases.status',
      'cases.htcds_status',
      'cases.close_reason_enc',
      'cases.owner_id',
      'users.username as owner_username',
    ])
    .select(sql<string>`cases.opened_on::text`.as('opened_on'))
    .select('cases.agency_id')
    .where('cases.id', 'in', [...new Set(ids)])
    .execute();
  // By primary key alone, the agency checked on the rows read (as findPersons, ../repo.ts: with the
  // agency in the query the planner intersected a bitmap of all the agency's cases).
  return rows.filter((r) => r.agency_id === agencyId);
}

export type ReferralRow = Omit<Selectable<DB['htcds_case_referrals']>, 'updated_at'>;

export async function referralsOf(db: Exec, caseIds: readonly string[]): Promise<Map<string, ReferralRow>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('htcds_case_referrals')
    .select(['case_id', 'agency_id', ...REFERRAL_VALUES])
    .select(REFERRAL_DATES)
    .where('case_id', 'in', [...caseIds])
    .execute();
  return new Map(rows.map((r) => [r.case_id, r]));
}

export type CommentRow = { id: string; case_id: string; body_enc: string };

/** Each case's latest comment: the one a flat row carries. */
export async function latestComments(db: Exec, caseIds: readonly string[]): Promise<Map<string, CommentRow>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('case_comments')
    .select(['id', 'case_id', 'body_enc'])
    .distinctOn('case_id')
    .where('case_id', 'in', [...caseIds])
    .orderBy('case_id')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.case_id, r]));
}

export type LinkRow = { case_id: string; person_id: string; role: string };

/**
 * The ids as a uuid[] parameter, each looked up by its own index probe (a lateral join that stays
 * a loop). With `in (…)` the planner, estimating from statistics of a table an import is filling,
 * scanned case_persons, support_plans and support_plan_items whole once a batch: a scan of
 * everything written so far, so an import's cost grew with the square of its rows.
 */
const eachId = (ids: readonly string[]) => sql`unnest(${[...new Set(ids)]}::uuid[]) as k (id)`;

export async function linksOf(db: Exec, caseIds: readonly string[]): Promise<LinkRow[]> {
  if (caseIds.length === 0) return [];
  // The order by also keeps the lateral a loop: PostgreSQL does not pull a sorted subquery up into a join.
  const { rows } = await sql<LinkRow>`
    select l.case_id, l.person_id, l.role from ${eachId(caseIds)}
    cross join lateral (
      select case_id, person_id, role from case_persons where case_id = k.id order by person_id
    ) as l`.execute(db);
  return rows;
}

export type EventRow = {
  id: string;
  person_id: string;
  case_id: string | null;
  type: string | null;
  event_date: string | null;
  street: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  description_enc: string | null;
};

/** The first recorded event of each person in each case (or outside any case). */
export async function firstEvents(db: Exec, personIds: readonly string[]): Promise<EventRow[]> {
  if (personIds.length === 0) return [];
  const { rows } = await sql<EventRow>`
    select e.* from ${eachId(personIds)}
    cross join lateral (
      select distinct on (case_id) id, person_id, case_id, type, event_date::text as event_date, street,
        city, state, postal_code, country, latitude, longitude, description_enc
      from trafficking_events where person_id = k.id order by case_id, created_at, id
    ) as e`.execute(db);
  return rows;
}

export type PlanRow = {
  id: string;
  case_id: string;
  person_id: string;
  type: string | null;
  objectives_enc: string | null;
  action_plan_enc: string | null;
  planned_end_date: string | null;
  actual_end_date: string | null;
};

/** The first support plan of each person in each case. */
export async function firstPlans(db: Exec, caseIds: readonly string[]): Promise<PlanRow[]> {
  if (caseIds.length === 0) return [];
  const { rows } = await sql<PlanRow>`
    select p.* from ${eachId(caseIds)}
    cross join lateral (
      select distinct on (person_id) id, case_id, person_id, type, objectives_enc, action_plan_enc,
        planned_end_date::text as planned_end_date, actual_end_date::text as actual_end_date
      from support_plans where case_id = k.id order by person_id, created_at, id
    ) as p`.execute(db);
  return rows;
}

export type ItemRow = {
  id: string;
  plan_id: string;
  kind: string;
  repatriation_step: string | null;
  status: string;
  provider_name: string | null;
  start_date: string | null;
  due_date: string | null;
  end_date: string | null;
};

/** The first item of each support plan. */
export async function firstItems(db: Exec, planIds: readonly string[]): Promise<Map<string, ItemRow>> {
  if (planIds.length === 0) return new Map();
  const { rows } = await sql<ItemRow>`
    select i.* from ${eachId(planIds)}
    cross join lateral (
      select id, plan_id, kind, repatriation_step, status, provider_name, start_date::text as start_date,
        due_date::text as due_date, end_date::text as end_date
      from support_plan_items where plan_id = k.id order by created_at, id limit 1
    ) as i`.execute(db);
  return new Map(rows.map((r) => [r.plan_id, r]));
}

export type LatestAssessment = Pick<
  Selectable<DB['identification_assessments']>,
  'person_id' | 'subject_age' | 'decision' | 'answers'
>;

/** Each person's latest identification assessment (newest first, as the identification module lists them). */
export async function latestAssessments(
  db: Exec,
  agencyId: string,
  personIds: readonly string[],
): Promise<Map<string, LatestAssessment>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('identification_assessments')
    .select(['person_id', 'subject_age', 'decision', 'answers'])
    .distinctOn('person_id')
    .where('agency_id', '=', agencyId)
    .where('person_id', 'in', [...personIds])
    .orderBy('person_id')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.person_id, r]));
}

/** The agency's active users by lower-cased username. */
export async function usersByName(
  db: Exec,
  agencyId: string,
  names: readonly string[],
): Promise<Map<string, { id: string; username: string }>> {
  if (names.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('agency_id', '=', agencyId)
    .where(sql<boolean>`lower(username) = any(${[...new Set(names.map((n) => n.toLowerCase()))]}::text[])`)
    .execute();
  return new Map(rows.map((r) => [r.username.toLowerCase(), r]));
}

export type IndexRow = { person_id: string | null; case_id: string | null };

/** Every row an export writes: each person–case link, each person in no case, each case with no person. */
/**
 * The rows of an agency's export. With `visibleTo` (a user who is not a caseworker) only the cases
 * that user may see are in it: a person linked to none of them is a row with no case.
 */
export async function exportIndex(
  db: Exec,
  agencyId: string,
  visibleTo?: string,
): Promise<{
  rows: IndexRow[];
  persons: { id: string; external_id: string | null; victim: boolean; perpetrator: boolean }[];
  cases: { id: string; external_id: string | null }[];
}> {
  const persons = await db
    .selectFrom('persons')
    .select(['persons.id', 'persons.external_id'])
    .select((eb) => [
      eb
        .exists(eb.selectFrom('victim_contexts').select('person_id').whereRef('person_id', '=', 'persons.id'))
        .as('victim'),
      eb
        .exists(
          eb.selectFrom('perpetrator_contexts').select('person_id').whereRef('person_id', '=', 'persons.id'),
        )
        .as('perpetrator'),
    ])
    .where('agency_id', '=', agencyId)
    .execute();
  let casesQuery = db.selectFrom('cases').select(['id', 'external_id']).where('agency_id', '=', agencyId);
  if (visibleTo !== undefined) casesQuery = casesQuery.where(caseVisibleTo(visibleTo));
  const cases = await casesQuery.execute();
  const seen = new Set(cases.map((c) => c.id));
  const links = (
    await db
      .selectFrom('case_persons')
      .select(['case_id', 'person_id'])
      .where('agency_id', '=', agencyId)
      .execute()
  ).filter((l) => seen.has(l.case_id));
  const linkedPersons = new Set(links.map((l) => l.person_id));
  const linkedCases = new Set(links.map((l) => l.case_id));
  const rows: IndexRow[] = [
    ...links,
    ...persons.filter((p) => !linkedPersons.has(p.id)).map((p) => ({ person_id: p.id, case_id: null })),
    ...cases.filter((c) => !linkedCases.has(c.id)).map((c) => ({ person_id: null, case_id: c.id })),
  ];
  return {
    rows,
    persons: persons.map((p) => ({ ...p, victim: p.victim === true, perpetrator: p.perpetrator === true })),
    cases,
  };
}

/**
 * Multi-row insert. Rows of one shape go as one JSON parameter that PostgreSQL expands with
 * json_populate_recordset (measured: far cheaper to send and plan than 60,000 bind parameters);
 * columns not named keep their defaults. A jsonb column's value (JSON text, as Kysely takes it) is
 * spliced in as JSON, so it is parsed once. Rows of mixed shapes go through Kysely in chunks.
 */
export async function insertMany<T extends keyof DB & string>(
  tx: Exec,
  table: T,
  rows: readonly Insertable<DB[T]>[],
): Promise<void> {
  for (const query of insertManyQueries(tx, table, rows)) await tx.executeQuery(query);
}

/**
 * The statements of `insertMany`, compiled ahead (`db` only compiles them): an import builds a
 * batch's while the batch before is being written, so the writing transaction only sends them.
 */
export function insertManyQueries<T extends keyof DB & string>(
  db: Exec,
  table: T,
  rows: readonly Insertable<DB[T]>[],
): CompiledQuery[] {
  const first = rows[0];
  if (first === undefined) return [];
  const columns = sharedColumns(rows);
  if (columns) {
    const names = sql.join(columns.map((c) => sql.ref(c)));
    return [
      sql`insert into ${sql.table(table)} (${names})
      select ${names} from json_populate_recordset(null::${sql.table(table)}, ${jsonRows(table, rows)}::json)`.compile(
        db,
      ),
    ];
  }
  const size = Math.max(1, Math.floor(60_000 / Math.max(1, Object.keys(first).length)));
  const queries: CompiledQuery[] = [];
  for (let i = 0; i < rows.length; i += size) {
    queries.push(
      db
        .insertInto(table)
        .values(rows.slice(i, i + size))
        .compile(),
    );
  }
  return queries;
}

/** The columns every row has, in the same order; null if the rows differ (or there are none). */
export function sharedColumns(rows: readonly object[]): string[] | null {
  const first = rows[0];
  if (first === undefined) return null;
  const columns = Object.keys(first);
  return rows.every((r) => hasColumns(r, columns)) ? columns : null;
}

/** Whether a row has exactly these columns, in this order (without building a key list a row). */
function hasColumns(row: object, columns: readonly string[]): boolean {
  let i = 0;
  for (const key in row) if (columns[i++] !== key) return false;
  return i === columns.length;
}

/**
 * Assessments in bulk. A file's victims share a few answer patterns, so most rows carry the same
 * ~2.5 KB scored result (assess.ts serialises each pattern once): each distinct result is sent once,
 * in a second JSON array the rows point into (zipped with ROWS FROM), so neither side builds or
 * parses it per row (measured at 20,000 rows: the statement's PostgreSQL CPU 79 → 56 µs a row).
 */
export async function insertAssessments(
  tx: Exec,
  rows: readonly Insertable<DB['identification_assessments']>[],
): Promise<void> {
  const query = insertAssessmentsQuery(tx, rows);
  if (query) await tx.executeQuery(query);
}

/** The statement of `insertAssessments`, compiled ahead (as `insertManyQueries`). */
export function insertAssessmentsQuery(
  db: Exec,
  rows: readonly Insertable<DB['identification_assessments']>[],
): CompiledQuery | null {
  const first = rows[0];
  if (first === undefined) return null;
  const results: string[] = [];
  const resultAt = new Map<string, number>();
  const positions: number[] = [];
  const others = rows.map(({ result, ...row }) => {
    let at = resultAt.get(result);
    if (at === undefined) {
      results.push(result);
      at = results.length;
      resultAt.set(result, at);
    }
    positions.push(at);
    return row;
  });
  const columns = Object.keys(first).filter((c) => c !== 'result');
  const names = sql.join(columns.map((c) => sql.ref(c)));
  const from = sql.join(columns.map((c) => sql.ref(`j.${c}`)));
  return sql`insert into identification_assessments (${names}, result)
    select ${from}, r.value
    from rows from (
      json_populate_recordset(null::identification_assessments, ${jsonRows('identification_assessments', others)}::json),
      unnest(${positions}::int[])
    ) as j
    join json_array_elements(${`[${results.join(',')}]`}::json) with ordinality as r (value, at) on r.at = j.unnest`.compile(
    db,
  );
}

/** json columns of the tables written here, whose values are JSON text. */
const JSON_COLUMNS: Record<string, ReadonlySet<string>> = {
  identification_assessments: new Set(['answers', 'result', 'set_versions']),
};

function jsonRows(table: string, rows: readonly object[]): string {
  const raw = JSON_COLUMNS[table];
  if (!raw) return JSON.stringify(rows);
  const parts = rows.map((row) => {
    const fields = Object.entries(row).map(([column, value]) => {
      const json = raw.has(column) && typeof value === 'string' ? value : JSON.stringify(value ?? null);
      return `${JSON.stringify(column)}:${json}`;
    });
    return `{${fields.join(',')}}`;
  });
  return `[${parts.join(',')}]`;
}

/**
 * Runs `work` holding the agency's import lock (a session advisory lock on a connection of its own),
 * so two imports into one agency never interleave their batches. Released when `work` ends, or by
 * PostgreSQL when the connection drops (a killed import holds nothing).
 */
export async function withAgencyImportLock<T>(db: Db, agencyId: string, work: () => Promise<T>): Promise<T> {
  const key = `htcds-import:${agencyId}`;
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext(${key}))`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
    }
  });
}
