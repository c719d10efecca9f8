import { randomUUID } from 'node:crypto';
import { type AuditEvent, appendAuditBatch } from '../../platform/audit/append.ts';
import type { Exec } from '../../platform/db/database.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import { type CaseRow, findCase } from '../case-repo.ts';
import { fieldContext } from '../encrypted-columns.ts';
import { latestToday } from '../rules.ts';
import { actorOf, type VictimsContext } from '../service.ts';
import { maySeeCase, requireVisibleCase } from './access.ts';
import { recordCaseRead, recordCaseWrite } from './activity.ts';
import { openNarrative } from './narrative.ts';
import { isCaseworker } from './policy.ts';
import type { ActivityDetail, TaskStatus } from './tables.ts';
import type { ViewedTask } from './tasks-presenters.ts';
import {
  findTask,
  insertTask,
  listAssignedOpenTasks,
  listCaseTasks,
  type TaskRow,
  updateTask,
} from './tasks-repo.ts';
import type { CreateTaskInput, UpdateTaskInput } from './tasks-schema.ts';
import { agencyUsers } from './team-repo.ts';

// Tasks of a case. Each command and query runs in one transaction with its audit entries.

const sealTitle = (ctx: VictimsContext, id: string, title: string) =>
  ctx.cipher.encrypt(title, fieldContext('case_tasks', 'title_enc', id));

function viewTask(ctx: VictimsContext, row: TaskRow): ViewedTask {
  const allowed = isCaseworker(ctx.principal.roles) || row.assignee_id === ctx.principal.userId;
  const at = { table: 'case_tasks', column: 'title_enc', id: row.id };
  return { row, title: openNarrative(ctx.cipher, allowed, at, row.title_enc) };
}

function tamperEvents(ctx: VictimsContext, tasks: readonly ViewedTask[]): AuditEvent[] {
  return tasks
    .filter((t) => t.title.status === 'tampered')
    .map((t) => ({
      actor: actorOf(ctx.principal),
      action: 'case_task.tamper_detected',
      recordType: 'case_task',
      recordId: t.row.id,
      change: { tampered: ['title'] },
    }));
}

/** The assignee must be an enabled user of the agency who can see the case. */
async function requireAssignable(ctx: VictimsContext, tx: Exec, row: CaseRow, userId: string): Promise<void> {
  const refuse = (code: string, message: string): never => {
    throw invalid(`Invalid task: assigneeId: ${message}`, [{ path: 'assigneeId', code, message }]);
  };
  const user = (await agencyUsers(tx, ctx.principal.agencyId, [userId])).get(userId);
  if (!user) refuse('not_agency_user', 'is not a user of your agency');
  else if (user.disabled) refuse('user_disabled', 'is disabled');
  else if (!(await maySeeCase(tx, { userId, roles: user.roles }, row))) {
    refuse('cannot_see_case', 'must be a caseworker, the case owner or on the case team');
  }
}

export async function createTask(ctx: VictimsContext, caseId: string, input: CreateTaskInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const caseRow = await requireVisibleCase(tx, ctx.principal, caseId);
    if (input.assigneeId) await requireAssignable(ctx, tx, caseRow, input.assigneeId);
    const id = randomUUID();
    const values = {
      id,
      agency_id: ctx.principal.agencyId,
      case_id: caseId,
      title_enc: sealTitle(ctx, id, input.title),
      assignee_id: input.assigneeId ?? null,
      due_on: input.dueOn ?? null,
      created_by: ctx.principal.userId,
    };
    await insertTask(tx, values);
    await recordCaseWrite(tx, ctx, {
      caseId,
      action: 'case_task.create',
      recordType: 'case_task',
      recordId: id,
      change: values,
      detail: { assigneeId: values.assignee_id, dueOn: values.due_on, status: 'open' },
    });
    const row = await findTask(tx, ctx.principal.agencyId, id);
    if (!row) throw new Error('the task just inserted is missing');
    return viewTask(ctx, row);
  });
}

export async function listTasksOfCase(ctx: VictimsContext, caseId: string, status?: TaskStatus) {
  return ctx.db.transaction().execute(async (tx) => {
    await requireVisibleCase(tx, ctx.principal, caseId);
    const tasks = (await listCaseTasks(tx, caseId, status)).map((row) => viewTask(ctx, row));
    await recordCaseRead(tx, ctx, caseId, 'case_task.list', { status: status ?? null, count: tasks.length });
    await appendAuditBatch(tx, tamperEvents(ctx, tasks));
    return tasks;
  });
}

function refuseForbidden(message: string, fields: string[]): never {
  throw invalid(
    message,
    fields.map((path) => ({ path, code: 'caseworkers_only', message: 'only caseworkers may change it' })),
    { status: 403, code: 'forbidden' },
  );
}

export async function changeTask(ctx: VictimsContext, taskId: string, input: UpdateTaskInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await findTask(tx, ctx.principal.agencyId, taskId, { forUpdate: true });
    if (!row) throw notFound('The task');
    const caseRow = await findCase(tx, ctx.principal.agencyId, row.case_id);
    if (!caseRow || !(await maySeeCase(tx, ctx.principal, caseRow))) throw notFound('The task');
    if (!isCaseworker(ctx.principal.roles)) {
      if (row.assignee_id !== ctx.principal.userId) {
        refuseForbidden('Only caseworkers may change a task that is not assigned to you.', []);
      }
      const others = Object.keys(input).filter((k) => k !== 'status');
      if (others.length > 0) refuseForbidden('You may only change the status of your task.', others);
    }
    if (input.assigneeId) await requireAssignable(ctx, tx, caseRow, input.assigneeId);
    const detail: ActivityDetail = {};
    const changes: Parameters<typeof updateTask>[2] = {};
    if (input.title !== undefined) {
      changes.title_enc = sealTitle(ctx, taskId, input.title);
      detail.titleChanged = true;
    }
    if (input.assigneeId !== undefined && input.assigneeId !== row.assignee_id) {
      changes.assignee_id = input.assigneeId;
      detail.assigneeId = input.assigneeId;
    }
    if (input.dueOn !== undefined && input.dueOn !== row.due_on) {
      changes.due_on = input.dueOn;
      detail.dueOn = input.dueOn;
    }
    if (input.status !== undefined && input.status !== row.status) {
      const closing = input.status !== 'open';
      changes.status = input.status;
      detail.status = input.status;
      changes.closed_at = closing ? new Date() : null;
      changes.closed_by = closing ? ctx.principal.userId : null;
    }
    if (Object.keys(changes).length > 0) {
      await updateTask(tx, taskId, changes);
      await recordCaseWrite(tx, ctx, {
        caseId: row.case_id,
        action: 'case_task.update',
        recordType: 'case_task',
        recordId: taskId,
        change: { from: row, changes },
        detail,
      });
    }
    const stored = await findTask(tx, ctx.principal.agencyId, taskId);
    if (!stored) throw new Error('the task just updated is missing');
    return viewTask(ctx, stored);
  });
}

/** The caller's open tasks (overdue ones only, if asked), earliest due first. */
export async function listMyTasks(
  ctx: VictimsContext,
  query: { overdue: 'true' | 'false'; on?: string; limit: number },
) {
  const on = query.on ?? new Date().toISOString().slice(0, 10);
  if (on > latestToday()) {
    throw invalid('Invalid query: on: is in the future', [
      { path: 'on', code: 'in_future', message: 'is in the future' },
    ]);
  }
  return ctx.db.transaction().execute(async (tx) => {
    const rows = await listAssignedOpenTasks(tx, {
      agencyId: ctx.principal.agencyId,
      userId: ctx.principal.userId,
      caseworker: isCaseworker(ctx.principal.roles),
      dueBefore: query.overdue === 'true' ? on : undefined,
      limit: query.limit,
    });
    const tasks = rows.map((row) => viewTask(ctx, row));
    await appendAuditBatch(tx, [
      {
        actor: actorOf(ctx.principal),
        action: 'case_task.list',
        recordType: 'user',
        recordId: ctx.principal.userId,
        change: { overdue: query.overdue, on, tasks: tasks.map((t) => t.row.id) },
      },
      ...tamperEvents(ctx, tasks),
    ]);
    return { tasks, on };
  });
}
