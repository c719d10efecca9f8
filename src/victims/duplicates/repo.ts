import { type Insertable, type Selectable, sql } from 'kysely';
import type { Exec } from '../../platform/db/database.ts';
import { WEIGHTS } from './score.ts';
import type { MergeStatus, PersonMergesTable } from './tables.ts';

// All SQL of duplicate search and merges. Persons are the victims module's table, read here only
// through their keyed search columns; every query is scoped to one agency.

export type MergeRow = Selectable<PersonMergesTable>;

/**
 * Name likeness, on the two names' sets of keyed trigram tokens (recall.test.ts measures them on
 * synthetic ASEAN names). `close`: Jaccard similarity for typos, dropped diacritics, swapped order
 * or a missing middle name; `inside`: share of the query's tokens found in a longer name (a given
 * name alone); `loose`: Jaccard similarity for heavier misspellings; `withBirthdate`: the faint
 * likeness (Jaccard similarity) that, with an equal birth date, makes a candidate.
 */
export const THRESHOLDS = { close: 0.7, inside: 0.8, loose: 0.4, withBirthdate: 0.1 } as const;
/**
 * Distinct names of the agency the loose lookup may read beyond those the close one must read.
 * The close and inside thresholds are exact: a name that meets them shares at least one of the
 * query's n − ⌈0.7 n⌉ + 1 rarest tokens, and all their names are read. Looser likeness is looked
 * for only through further tokens whose names add up to at most this many (frequencies from
 * ANALYZE of victims_person_names): a name sharing only "Nguyễn Văn" with the query cannot single
 * anyone out, and reading the ~42,000 names that share a token with a 17-token Vietnamese name's 11
 * rarer tokens took 78 ms (its 6 rarest: 10,000 names, 25 ms).
 */
export const LOOSE_NAMES_READ = 5_000;
/** The most alike distinct names kept, and persons per name and in all taken from them. */
export const NAME_KEYS = 60;
export const PER_NAME = 50;
export const NAME_ROWS = 300;
/** Candidates kept per exact key (identity number, phone, birth date). */
export const PER_KEY = 20;

export type SearchProbe = {
  agencyId: string;
  tokens: string;
  birthdateKey: string | null;
  identityNumberKey: string | null;
  phoneKeys: readonly string[];
  /** The person searched for, and who is merged into it: not their own duplicates. */
  excludeIds: readonly string[];
};

export type CandidateRow = {
  id: string;
  name_tokens: string;
  birthdate_key: string | null;
  identity_number_key: string | null;
  phone_keys: string[];
  birthdate_enc: string | null;
  age_at_registration: number | null;
  registered_on: string;
};

/**
 * The agency's distinct names most like the probe's (victims_person_names, migration 0011), best
 * first by the same name strength score.ts ranks with: max(Jaccard, containment weight × share of
 * the shorter name's tokens found in the longer). Thresholds are compared in numeric, exactly.
 */
function nearNames(probe: Pick<SearchProbe, 'agencyId' | 'tokens'>, looseNamesRead: number) {
  const { close, inside, loose } = THRESHOLDS;
  return sql`
    q as (select x.q, icount(x.q) as n from (select victims_name_ints(${probe.tokens}) as q) as x),
    stats as materialized (
      select s.most_common_elems::text::int4[] as elems, s.most_common_elem_freqs as freqs,
        greatest(c.reltuples, 0) as names
      from pg_stats s join pg_class c on c.oid = 'victims_person_names'::regclass
      where s.schemaname = current_schema() and s.tablename = 'victims_person_names' and s.attname = 'name_ints'
    ),
    ranked as (
      select t.tok, row_number() over w as r, sum(t.names) over w as names from (
        select u.tok, coalesce((select st.freqs[array_position(st.elems, u.tok)] * st.names from stats st), 0) as names
        from q, unnest(q.q) as u(tok)
      ) as t
      window w as (order by t.names, t.tok)
    ),
    probe as materialized (
      select q.q, q.n, array(
        select tok from ranked
        where r <= q.n - ceil(${close}::numeric * q.n) + 1
          or (r <= q.n - ceil(${loose}::numeric * q.n) + 1 and names <= ${looseNamesRead})
      ) as rare
      from q
    ),
    near as (
      select m.name_key, greatest(
        m.shared::float8 / (m.len + m.n - m.shared), ${WEIGHTS.containment}::float8 * m.shared / least(m.len, m.n)
      ) as strength
      from (
        -- offset 0 keeps the shared count computed once a row (the planner would repeat it per use)
        select v.name_key, icount(v.name_ints & probe.q) as shared, icount(v.name_ints) as len, probe.n
        from probe, victims_person_names v
        where v.agency_id = ${probe.agencyId} and v.name_ints && probe.rare
        offset 0
      ) as m
      where m.shared >= ${loose}::numeric * (m.len + m.n - m.shared) or m.shared >= ${inside}::numeric * m.n
      order by strength desc, m.name_key
      limit ${NAME_KEYS}
    )`;
}

/**
 * Persons of the agency that may be the probe's person, in one statement: by fuzzy name (the
 * nearest distinct names, then who bears them), by equal identity number or phone, and by equal
 * birth date with a faint name likeness. Tombstones (merged away) and `excludeIds` are left out.
 * Unranked: score.ts ranks them.
 */
export async function searchCandidates(
  tx: Exec,
  probe: SearchProbe,
  options: { looseNamesRead?: number } = {},
): Promise<CandidateRow[]> {
  const excluded = sql`p.id <> all(${[...probe.excludeIds]}::uuid[]) and not exists (
    select 1 from person_merges m where m.merged_id = p.id and m.status = 'merged')`;
  const branches = [];
  if (probe.tokens !== '') {
    branches.push(sql`(select p.id from near cross join lateral (
        select p.id from persons p
        where p.agency_id = ${probe.agencyId} and md5(p.name_tokens)::uuid = near.name_key and ${excluded}
        limit ${PER_NAME}) as p
      order by near.strength desc limit ${NAME_ROWS})`);
  }
  const keyed = [];
  if (probe.identityNumberKey !== null) keyed.push(sql`p.identity_number_key = ${probe.identityNumberKey}`);
  if (probe.phoneKeys.length > 0) keyed.push(sql`p.phone_keys && ${[...probe.phoneKeys]}::text[]`);
  if (probe.birthdateKey !== null && probe.tokens !== '') {
    // the faint likeness, on the token sets of the person's distinct name (Jaccard, as `near`)
    keyed.push(sql`p.birthdate_key = ${probe.birthdateKey} and exists (
      select 1 from q, victims_person_names v
      where v.agency_id = p.agency_id and v.name_key = md5(p.name_tokens)::uuid
        and icount(v.name_ints & q.q) >= ${THRESHOLDS.withBirthdate}::numeric
          * (icount(v.name_ints) + q.n - icount(v.name_ints & q.q)))`);
  }
  for (const condition of keyed) {
    branches.push(sql`(select p.id from persons p
      where p.agency_id = ${probe.agencyId} and ${condition} and ${excluded} limit ${PER_KEY})`);
  }
  if (branches.length === 0) return [];
  const ctes = probe.tokens === '' ? [] : [nearNames(probe, options.looseNamesRead ?? LOOSE_NAMES_READ)];
  ctes.push(sql`found as (${sql.join(branches, sql` union all `)})`);
  const rows = await sql<CandidateRow>`
    with ${sql.join(ctes)}
    select p.id, p.name_tokens, p.birthdate_key, p.identity_number_key, p.phone_keys, p.birthdate_enc,
      p.age_at_registration, p.registered_on::text as registered_on
    from persons p where p.agency_id = ${probe.agencyId} and p.id in (select id from found)`.execute(tx);
  return rows.rows;
}

/**
 * The plain name search (`GET /api/victims/persons?name=`): persons of the agency whose distinct
 * name is among the nearest to `tokens` (the same lookup and likeness as the duplicate search),
 * most alike first, then newest first. Tombstones (merged away) are left out.
 */
export async function personsByName(
  db: Exec,
  agencyId: string,
  tokens: string,
  limit: number,
): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    with ${nearNames({ agencyId, tokens }, LOOSE_NAMES_READ)}
    select p.id from near cross join lateral (
      select p.id, p.created_at from persons p
      where p.agency_id = ${agencyId} and md5(p.name_tokens)::uuid = near.name_key
        and not exists (select 1 from person_merges m where m.merged_id = p.id and m.status = 'merged')
      order by p.created_at desc, p.id desc limit ${limit}) as p
    order by near.strength desc, p.created_at desc, p.id desc
    limit ${limit}`.execute(db);
  return rows.rows.map((r) => r.id);
}

export async function insertMerge(tx: Exec, row: Insertable<PersonMergesTable>): Promise<MergeRow> {
  return tx.insertInto('person_merges').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findMerge(
  db: Exec,
  agencyId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<MergeRow | undefined> {
  let query = db
    .selectFrom('person_merges')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function setMergeStatus(
  tx: Exec,
  id: string,
  change:
    | { status: 'merged' | 'rejected'; decidedBy: string; note: string | null; selfConfirmed: boolean }
    | { status: 'unmerged'; unmergedBy: string; reason: string },
): Promise<MergeRow> {
  const values =
    change.status === 'unmerged'
      ? {
          status: change.status,
          unmerged_by: change.unmergedBy,
          unmerged_at: sql<Date>`now()`,
          unmerge_reason_enc: change.reason,
        }
      : {
          status: change.status,
          decided_by: change.decidedBy,
          decided_at: sql<Date>`now()`,
          decision_note_enc: change.note,
          self_confirmed: change.selfConfirmed,
        };
  return tx
    .updateTable('person_merges')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The active merge that made this person a tombstone, if any. */
export async function tombstoneMerge(db: Exec, personId: string): Promise<MergeRow | undefined> {
  return db
    .selectFrom('person_merges')
    .selectAll()
    .where('merged_id', '=', personId)
    .where('status', '=', 'merged')
    .executeTakeFirst();
}

/** The person every merge chain from `personId` ends at (itself when it is not a tombstone). */
export async function survivorOf(db: Exec, agencyId: string, personId: string): Promise<string> {
  const r = await sql<{ id: string }>`
    with recursive up(id, depth) as (
      select ${personId}::uuid, 0
      union all
      select m.survivor_id, up.depth + 1 from person_merges m join up on m.merged_id = up.id
      where m.status = 'merged' and m.agency_id = ${agencyId} and up.depth < 100
    )
    select id from up order by depth desc limit 1`.execute(db);
  return r.rows[0]?.id ?? personId;
}

/** Every person merged, directly or through others, into `survivorId`, with the merge that did it. */
export async function mergedInto(db: Exec, agencyId: string, survivorId: string): Promise<MergeRow[]> {
  const r = await sql<{ id: string }>`
    with recursive down(merge_id, person_id, depth) as (
      select m.id, m.merged_id, 1 from person_merges m
      where m.survivor_id = ${survivorId} and m.status = 'merged' and m.agency_id = ${agencyId}
      union all
      select m.id, m.merged_id, down.depth + 1 from person_merges m join down on m.survivor_id = down.person_id
      where m.status = 'merged' and m.agency_id = ${agencyId} and down.depth < 100
    )
    select merge_id as id from down`.execute(db);
  const ids = r.rows.map((row) => row.id);
  if (ids.length === 0) return [];
  return db.selectFrom('person_merges').selectAll().where('id', 'in', ids).orderBy('decided_at').execute();
}

/** Merges of the agency, newest first, optionally in one status or touching one person. */
export async function listMerges(
  db: Exec,
  agencyId: string,
  options: { status?: MergeStatus; personId?: string; limit: number },
): Promise<MergeRow[]> {
  let query = db.selectFrom('person_merges').selectAll().where('agency_id', '=', agencyId);
  if (options.status) query = query.where('status', '=', options.status);
  const personId = options.personId;
  if (personId)
    query = query.where((eb) => eb.or([eb('survivor_id', '=', personId), eb('merged_id', '=', personId)]));
  return query.orderBy('proposed_at', 'desc').orderBy('id').limit(options.limit).execute();
}

export type LinkedCase = {
  case_id: string;
  person_id: string;
  role: string;
  status: string;
  opened_on: string;
  linked_at: Date;
};

/** The cases these persons are linked to (each link as recorded, with the person it names). */
export async function casesOf(
  db: Exec,
  agencyId: string,
  personIds: readonly string[],
): Promise<LinkedCase[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('case_persons as cp')
    .innerJoin('cases as c', 'c.id', 'cp.case_id')
    .select([
      'cp.case_id',
      'cp.person_id',
      'cp.role',
      'c.status',
      sql<string>`c.opened_on::text`.as('opened_on'),
      'cp.linked_at',
    ])
    .where('cp.agency_id', '=', agencyId)
    .where('cp.person_id', 'in', personIds)
    .orderBy('cp.linked_at')
    .orderBy('cp.case_id')
    .execute();
}
