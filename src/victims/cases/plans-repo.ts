import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Exec } from '../../platform/db/database.ts';
import type { SupportPlanItemsTable, SupportPlansTable } from '../tables.ts';
import type { SupportPlanItemsAdditions } from './tables.ts';

// SQL on support plans and their items, scoped to one agency. Dates are read as text.

export type PlanRow = Omit<Selectable<SupportPlansTable>, 'planned_end_date' | 'actual_end_date'> & {
  planned_end_date: string | null;
  actual_end_date: string | null;
};
export type ItemRow = Omit<Selectable<SupportPlanItemsTable>, 'start_date' | 'due_date' | 'end_date'> &
  Selectable<SupportPlanItemsAdditions> & {
    start_date: string | null;
    due_date: string | null;
    end_date: string | null;
  };

function selectPlans(db: Exec) {
  return db
    .selectFrom('support_plans')
    .select([
      'id',
      'agency_id',
      'case_id',
      'person_id',
      'external_id',
      'type',
      'objectives_enc',
      'action_plan_enc',
      'created_by',
      'created_at',
      'updated_at',
    ])
    .select(sql<string | null>`planned_end_date::text`.as('planned_end_date'))
    .select(sql<string | null>`actual_end_date::text`.as('actual_end_date'));
}

function selectItems(db: Exec) {
  return db
    .selectFrom('support_plan_items')
    .select([
      'id',
      'agency_id',
      'plan_id',
      'kind',
      'repatriation_step',
      'status',
      'not_needed',
      'provider_organisation_id',
      'provider_name',
      'created_by',
      'created_at',
      'updated_at',
    ])
    .select(sql<string | null>`start_date::text`.as('start_date'))
    .select(sql<string | null>`due_date::text`.as('due_date'))
    .select(sql<string | null>`end_date::text`.as('end_date'));
}

export async function insertPlan(tx: Exec, values: Insertable<SupportPlansTable>): Promise<void> {
  await tx.insertInto('support_plans').values(values).execute();
}

export async function updatePlan(tx: Exec, id: string, values: Updateable<SupportPlansTable>): Promise<void> {
  await tx
    .updateTable('support_plans')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function findPlan(
  db: Exec,
  agencyId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PlanRow | undefined> {
  let query = selectPlans(db).where('agency_id', '=', agencyId).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findPlanOf(db: Exec, caseId: string, personId: string): Promise<PlanRow | undefined> {
  return selectPlans(db).where('case_id', '=', caseId).where('person_id', '=', personId).executeTakeFirst();
}

export async function listCasePlans(db: Exec, caseId: string): Promise<PlanRow[]> {
  return selectPlans(db).where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
}

export async function insertItem(
  tx: Exec,
  values: Insertable<SupportPlanItemsTable> & Insertable<SupportPlanItemsAdditions>,
): Promise<void> {
  await tx.insertInto('support_plan_items').values(values).execute();
}

export async function updateItem(
  tx: Exec,
  id: string,
  values: Updateable<SupportPlanItemsTable> & Updateable<SupportPlanItemsAdditions>,
): Promise<void> {
  await tx
    .updateTable('support_plan_items')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function findItem(db: Exec, agencyId: string, id: string): Promise<ItemRow | undefined> {
  return selectItems(db).where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst();
}

/** The items of these plans, oldest first. */
export async function itemsOfPlans(db: Exec, planIds: readonly string[]): Promise<ItemRow[]> {
  if (planIds.length === 0) return [];
  return selectItems(db).where('plan_id', 'in', planIds).orderBy('created_at').orderBy('id').execute();
}

export async function isLinkedPerson(db: Exec, caseId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('case_persons')
    .select('person_id')
    .where('case_id', '=', caseId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}
