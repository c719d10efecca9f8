import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import pg from 'pg';
import type { Exec } from '../platform/db/database.ts';
import { conflict } from '../platform/http/errors.ts';
import { personsByName } from './duplicates/repo.ts';
import { PERSON_ENCRYPTED_COLUMNS } from './encrypted-columns.ts';
import type { PerpetratorContextsTable, PersonsTable, VictimContextsTable } from './tables.ts';

// All SQL on persons and their victim and perpetrator contexts. Every query is scoped to one
// agency: a person of another agency is "not found", never "forbidden".

export type PersonRow = Omit<Selectable<PersonsTable>, 'registered_on'> & { registered_on: string };
export type VictimRow = Selectable<VictimContextsTable>;
export type PerpetratorRow = Selectable<PerpetratorContextsTable>;
export type PersonRecord = {
  person: PersonRow;
  victim: VictimRow | null;
  perpetrator: PerpetratorRow | null;
};

const PERSON_COLUMNS = [
  'id',
  'agency_id',
  'external_id',
  ...PERSON_ENCRYPTED_COLUMNS,
  'name_tokens',
  'birthdate_key',
  'identity_number_key',
  'phone_keys',
  'title',
  'gender',
  'deceased',
  'marital_status',
  'number_of_children',
  'primary_language',
  'secondary_language',
  'highest_level_of_education',
  'citizenship',
  'mailing_country',
  'age_at_registration',
  'age_is_estimate',
  'ethnicity',
  'disabilities',
  'migration_status',
  'created_by',
  'created_at',
  'updated_at',
] as const;

function selectPersons(db: Exec) {
  return db
    .selectFrom('persons')
    .select(PERSON_COLUMNS)
    .select(sql<string>`registered_on::text`.as('registered_on'));
}

export async function insertPerson(tx: Exec, values: Insertable<PersonsTable>): Promise<void> {
  await tx.insertInto('persons').values(values).execute();
}

export async function updatePerson(tx: Exec, id: string, values: Updateable<PersonsTable>): Promise<void> {
  await tx
    .updateTable('persons')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function upsertVictimContext(
  tx: Exec,
  personId: string,
  values: Omit<Insertable<VictimContextsTable>, 'person_id'>,
): Promise<void> {
  await tx
    .insertInto('victim_contexts')
    .values({ ...values, person_id: personId })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ ...values, updated_at: sql<Date>`now()` }))
    .execute();
}

export async function upsertPerpetratorContext(
  tx: Exec,
  personId: string,
  values: Omit<Insertable<PerpetratorContextsTable>, 'person_id'>,
): Promise<void> {
  await tx
    .insertInto('perpetrator_contexts')
    .values({ ...values, person_id: personId })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ ...values, updated_at: sql<Date>`now()` }))
    .execute();
}

async function withContexts(db: Exec, persons: PersonRow[]): Promise<PersonRecord[]> {
  if (persons.length === 0) return [];
  const ids = persons.map((p) => p.id);
  const victims = await db.selectFrom('victim_contexts').selectAll().where('person_id', 'in', ids).execute();
  const perpetrators = await db
    .selectFrom('perpetrator_contexts')
    .selectAll()
    .where('person_id', 'in', ids)
    .execute();
  const v = new Map(victims.map((r) => [r.person_id, r]));
  const p = new Map(perpetrators.map((r) => [r.person_id, r]));
  return persons.map((person) => ({
    person,
    victim: v.get(person.id) ?? null,
    perpetrator: p.get(person.id) ?? null,
  }));
}

export async function findPerson(
  db: Exec,
  agencyId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PersonRecord | undefined> {
  let query = selectPersons(db).where('agency_id', '=', agencyId).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const person = await query.executeTakeFirst();
  if (!person) return undefined;
  const [record] = await withContexts(db, [person]);
  return record;
}

export async function findPersons(
  db: Exec,
  agencyId: string,
  ids: readonly string[],
): Promise<PersonRecord[]> {
  if (ids.length === 0) return [];
  // By primary key alone, the agency checked on the rows read: with `agency_id = … and id in (…)`,
  // on the statistics of a table an import is filling, the planner read every person of the agency
  // through persons_agency and intersected (a bitmap of 20,000 rows for 50 ids at 20,000 persons).
  const persons = await selectPersons(db)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return withContexts(
    db,
    persons.filter((p) => p.agency_id === agencyId),
  );
}

/**
 * Newest first; with `nameTokens`, persons bearing the names most like it first (the duplicate
 * search's lookup over the agency's distinct names, `duplicates/repo.ts`), tombstones left out.
 */
export async function listPersons(
  db: Exec,
  agencyId: string,
  options: { limit: number; afterId?: string; nameTokens?: string },
): Promise<PersonRecord[]> {
  if (options.nameTokens !== undefined) {
    const ids = await personsByName(db, agencyId, options.nameTokens, options.limit);
    const byId = new Map((await findPersons(db, agencyId, ids)).map((r) => [r.person.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
  let query = selectPersons(db).where('agency_id', '=', agencyId);
  if (options.afterId) {
    // The cursor is the last id seen; comparing in SQL keeps created_at's microseconds.
    query = query.where(
      sql<boolean>`(created_at, id) < (select c.created_at, c.id from persons c where c.id = ${options.afterId})`,
    );
  }
  const persons = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute();
  return withContexts(db, persons);
}

/** Runs `work`; a second record with the same external id in the agency becomes a 409 naming it. */
export async function refuseDuplicateExternalId<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const duplicate =
      err instanceof pg.DatabaseError &&
      err.code === '23505' &&
      ['persons_agency_id_external_id_key', 'cases_agency_id_external_id_key'].includes(err.constraint ?? '');
    if (!duplicate) throw err;
    throw conflict('Your agency already has a record with this external id.', [
      { path: 'externalId', code: 'taken', message: 'is already used in your agency' },
    ]);
  }
}
