import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Exec } from '../../platform/db/database.ts';
import type { TraffickingEventsTable } from '../tables.ts';

// SQL on trafficking events, scoped to one agency.

export type EventRow = Omit<Selectable<TraffickingEventsTable>, 'event_date'> & { event_date: string | null };

function selectEvents(db: Exec) {
  return db
    .selectFrom('trafficking_events')
    .select([
      'id',
      'agency_id',
      'person_id',
      'case_id',
      'external_id',
      'type',
      'street',
      'city',
      'state',
      'postal_code',
      'country',
      'latitude',
      'longitude',
      'description_enc',
      'created_by',
      'created_at',
      'updated_at',
    ])
    .select(sql<string | null>`event_date::text`.as('event_date'));
}

export async function insertEvent(tx: Exec, values: Insertable<TraffickingEventsTable>): Promise<void> {
  await tx.insertInto('trafficking_events').values(values).execute();
}

export async function updateEvent(
  tx: Exec,
  id: string,
  values: Updateable<TraffickingEventsTable>,
): Promise<void> {
  await tx
    .updateTable('trafficking_events')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function findEvent(
  db: Exec,
  agencyId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<EventRow | undefined> {
  let query = selectEvents(db).where('agency_id', '=', agencyId).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** A case's events in the order they happened (undated last). */
export async function listCaseEvents(db: Exec, caseId: string): Promise<EventRow[]> {
  return selectEvents(db)
    .where('case_id', '=', caseId)
    .orderBy('event_date', (ob) => ob.asc().nullsLast())
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
