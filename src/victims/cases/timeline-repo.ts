import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database.ts';

// Timeline reads that span the case-management tables.

export type RecordWithoutHistory = {
  record_type: 'case_task' | 'support_plan' | 'support_plan_item' | 'trafficking_event';
  id: string;
  created_at: Date;
  created_by: string | null;
  person_id: string | null;
};

/**
 * Records of the case whose creation is not in case_activity (written by another path, such as an
 * import): the timeline shows their creation from their own row.
 */
export async function recordsWithoutHistory(db: Exec, caseId: string): Promise<RecordWithoutHistory[]> {
  const { rows } = await sql<RecordWithoutHistory>`
    with created as (
      select record_id from case_activity where case_id = ${caseId} and action like '%.create'
    )
    select 'case_task' as record_type, t.id, t.created_at, t.created_by, null::uuid as person_id
      from case_tasks t where t.case_id = ${caseId} and t.id::text not in (select record_id from created)
    union all
    select 'support_plan', p.id, p.created_at, p.created_by, p.person_id
      from support_plans p where p.case_id = ${caseId} and p.id::text not in (select record_id from created)
    union all
    select 'support_plan_item', i.id, i.created_at, i.created_by, p.person_id
      from support_plan_items i join support_plans p on p.id = i.plan_id
      where p.case_id = ${caseId} and i.id::text not in (select record_id from created)
    union all
    select 'trafficking_event', e.id, e.created_at, e.created_by, e.person_id
      from trafficking_events e where e.case_id = ${caseId} and e.id::text not in (select record_id from created)`.execute(
    db,
  );
  return rows;
}

/** The case's status changes recorded by the trigger of migration 0008, oldest first. */
export async function statusChanges(db: Exec, caseId: string): Promise<{ id: string; at: Date }[]> {
  return db
    .selectFrom('case_activity')
    .select(['id', 'at'])
    .where('case_id', '=', caseId)
    .where('action', '=', 'case.status')
    .where('actor_id', 'is', null)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
