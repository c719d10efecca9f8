import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Exec } from '../../platform/db/database.ts';
import type { CaseTasksTable, TaskStatus } from './tables.ts';

// SQL on case tasks, scoped to one agency.

export type TaskRow = Omit<Selectable<CaseTasksTable>, 'due_on'> & { due_on: string | null };

function selectTasks(db: Exec) {
  return db
    .selectFrom('case_tasks')
    .select([
      'id',
      'agency_id',
      'case_id',
      'title_enc',
      'assignee_id',
      'status',
      'closed_at',
      'closed_by',
      'created_by',
      'created_at',
      'updated_at',
    ])
    .select(sql<string | null>`due_on::text`.as('due_on'));
}

export async function insertTask(tx: Exec, values: Insertable<CaseTasksTable>): Promise<void> {
  await tx.insertInto('case_tasks').values(values).execute();
}

export async function updateTask(tx: Exec, id: string, values: Updateable<CaseTasksTable>): Promise<void> {
  await tx
    .updateTable('case_tasks')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function findTask(
  db: Exec,
  agencyId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<TaskRow | undefined> {
  let query = selectTasks(db).where('agency_id', '=', agencyId).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** A case's tasks: open first by due date, then the closed ones, newest first. */
export async function listCaseTasks(db: Exec, caseId: string, status?: TaskStatus): Promise<TaskRow[]> {
  let query = selectTasks(db).where('case_id', '=', caseId);
  if (status) query = query.where('status', '=', status);
  return query
    .orderBy(sql`status = 'open'`, 'desc')
    .orderBy('due_on', (ob) => ob.asc().nullsLast())
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function countOpenTasks(db: Exec, caseId: string, assigneeId: string): Promise<number> {
  const row = await db
    .selectFrom('case_tasks')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('case_id', '=', caseId)
    .where('assignee_id', '=', assigneeId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Open tasks assigned to the user, earliest due first, in cases the user may see: all of the
 * agency's for a caseworker, else the cases they own or are on the team of.
 */
export async function listAssignedOpenTasks(
  db: Exec,
  options: { agencyId: string; userId: string; caseworker: boolean; dueBefore?: string; limit: number },
): Promise<TaskRow[]> {
  let query = selectTasks(db)
    .where('agency_id', '=', options.agencyId)
    .where('assignee_id', '=', options.userId)
    .where('status', '=', 'open');
  if (options.dueBefore !== undefined) query = query.where('due_on', '<', options.dueBefore);
  if (!options.caseworker) {
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('cases as c')
            .select('c.id')
            .whereRef('c.id', '=', 'case_tasks.case_id')
            .where('c.owner_id', '=', options.userId),
        ),
        eb.exists(
          eb
            .selectFrom('case_team_members as m')
            .select('m.case_id')
            .whereRef('m.case_id', '=', 'case_tasks.case_id')
            .where('m.user_id', '=', options.userId),
        ),
      ]),
    );
  }
  return query
    .orderBy('due_on', (ob) => ob.asc().nullsLast())
    .orderBy('created_at')
    .orderBy('id')
    .limit(options.limit)
    .execute();
}
