import { type Insertable, type Selectable, sql } from 'kysely';
import type { Exec } from '../../platform/db/database.ts';
import type { MergeStatus, PersonMergesTable } from './tables.ts';

// All SQL of duplicate search and merges. Persons are the victims module's table, read here only
// through their keyed search columns; every query is scoped to one agency.

export type MergeRow = Selectable<PersonMergesTable>;

/**
 * pg_trgm thresholds over persons.name_chars (one letter per keyed name trigram), measured by
 * recall.test.ts on synthetic ASEAN names. `close`: whole-name similarity (typos, dropped
 * diacritics, swapped order, a missing middle name) or the query found as a run inside a longer
 * name (a given name alone); `loose`: whole-name similarity for heavier misspellings.
 */
export const THRESHOLDS = { close: 0.7, inside: 0.8, loose: 0.4, withBirthdate: 0.1 } as const;
/**
 * Rows each name lookup may recheck. A common name (Nguyễn Văn …) shares most trigrams with
 * thousands of persons; past this many the lookup stops, so its cost stays bounded. Such a name
 * alone cannot single anyone out: the birth date, identity number and phone lookups then decide.
 */
export const NAME_ROWS = { close: 300, loose: 100 } as const;
/**
 * The loose lookup runs only when the close one found fewer persons than this: a name shared by
 * many needs other evidence anyway, and for such names the loose lookup is the costliest
 * (bench: p95 of the name lookups 450 → 280 ms at 1M persons, recall 0.93 → 0.91).
 */
export const LOOSE_WHEN_FEWER = 60;
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

const CANDIDATE_COLUMNS = sql`p.id, p.name_tokens, p.birthdate_key, p.identity_number_key, p.phone_keys,
  p.birthdate_enc, p.age_at_registration, p.registered_on::text as registered_on`;

/**
 * Persons matching the name through the trigram index. Only the GIN bitmap path is allowed: with a
 * LIMIT the planner otherwise walks another index and rechecks every row of the table. The agency
 * and tombstone filters come after the limit, so on a node of several agencies another agency's
 * namesakes can use up part of it.
 */
async function byName(
  tx: Exec,
  probe: SearchProbe,
  c: string,
  mode: 'close' | 'loose',
): Promise<CandidateRow[]> {
  const close = mode === 'close';
  await sql`select set_config('pg_trgm.similarity_threshold', ${String(close ? THRESHOLDS.close : THRESHOLDS.loose)}, true),
    set_config('pg_trgm.word_similarity_threshold', ${String(THRESHOLDS.inside)}, true),
    set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`.execute(tx);
  const match = close ? sql`p.name_chars % ${c} or ${c} <% p.name_chars` : sql`p.name_chars % ${c}`;
  const rows = await sql<CandidateRow & { agency_id: string }>`
    select * from (
      select p.agency_id, ${CANDIDATE_COLUMNS} from persons p where ${match}
      limit ${close ? NAME_ROWS.close : NAME_ROWS.loose}
    ) as hit
    where hit.agency_id = ${probe.agencyId} and hit.id <> all(${[...probe.excludeIds]}::uuid[])`.execute(tx);
  await sql`select set_config('enable_seqscan', 'on', true), set_config('enable_indexscan', 'on', true)`.execute(
    tx,
  );
  return rows.rows.map(({ agency_id: _, ...row }) => row);
}

/**
 * Persons of the agency that may be the probe's person: by fuzzy name (pg_trgm on name_chars), by
 * equal identity number or phone, and by equal birth date with a faint name likeness. Tombstones
 * (merged away) and `excludeIds` are left out. Unranked: score.ts ranks them.
 */
export async function searchCandidates(tx: Exec, probe: SearchProbe): Promise<CandidateRow[]> {
  const found = new Map<string, CandidateRow>();
  const add = (rows: CandidateRow[]) => {
    for (const r of rows) found.set(r.id, r);
  };
  const c =
    probe.tokens === ''
      ? ''
      : ((await sql<{ c: string }>`select victims_name_chars(${probe.tokens}) as c`.execute(tx)).rows[0]?.c ??
        '');
  if (c !== '') {
    add(await byName(tx, probe, c, 'close'));
    add(await byName(tx, probe, c, 'loose'));
  }
  const keyed = [];
  if (probe.identityNumberKey !== null) keyed.push(sql`p.identity_number_key = ${probe.identityNumberKey}`);
  if (probe.phoneKeys.length > 0) keyed.push(sql`p.phone_keys && ${[...probe.phoneKeys]}::text[]`);
  if (probe.birthdateKey !== null && c !== '') {
    keyed.push(
      sql`(p.birthdate_key = ${probe.birthdateKey} and similarity(p.name_chars, ${c}) >= ${THRESHOLDS.withBirthdate})`,
    );
  }
  for (const condition of keyed) {
    const rows = await sql<CandidateRow>`
      select ${CANDIDATE_COLUMNS} from persons p
      where p.agency_id = ${probe.agencyId} and (${condition}) and p.id <> all(${[...probe.excludeIds]}::uuid[])
      limit ${PER_KEY}`.execute(tx);
    add(rows.rows);
  }
  if (found.size === 0) return [];
  const tombstones = await tx
    .selectFrom('person_merges')
    .select('merged_id')
    .where('status', '=', 'merged')
    .where('merged_id', 'in', [...found.keys()])
    .execute();
  for (const t of tombstones) found.delete(t.merged_id);
  return [...found.values()];
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
