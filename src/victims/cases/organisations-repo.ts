import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Exec } from '../../platform/db/database.ts';
import type { OrganisationsTable } from '../tables.ts';

// SQL on organisations, scoped to one agency.

export type OrganisationRow = Selectable<OrganisationsTable>;

export async function insertOrganisation(
  tx: Exec,
  values: Insertable<OrganisationsTable>,
): Promise<OrganisationRow> {
  return tx.insertInto('organisations').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateOrganisation(
  tx: Exec,
  id: string,
  values: Updateable<OrganisationsTable>,
): Promise<OrganisationRow> {
  return tx
    .updateTable('organisations')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findOrganisation(
  db: Exec,
  agencyId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<OrganisationRow | undefined> {
  let query = db
    .selectFrom('organisations')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** By name (then id), after the organisation `afterId`; `name` matches any part, any case. */
export async function listOrganisations(
  db: Exec,
  agencyId: string,
  options: { name?: string; type?: string; afterId?: string; limit: number },
): Promise<OrganisationRow[]> {
  let query = db.selectFrom('organisations').selectAll().where('agency_id', '=', agencyId);
  if (options.name !== undefined) {
    query = query.where(sql<boolean>`strpos(lower(name), lower(${options.name})) > 0`);
  }
  if (options.type !== undefined) query = query.where('org_type', '=', options.type);
  if (options.afterId) {
    query = query.where(
      sql<boolean>`(name, id) > (select o.name, o.id from organisations o where o.id = ${options.afterId})`,
    );
  }
  return query.orderBy('name').orderBy('id').limit(options.limit).execute();
}
