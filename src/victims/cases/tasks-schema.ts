import { z } from '@hono/zod-openapi';
import { text } from '../../platform/http/fields.ts';
import { isoDate } from '../person-schema.ts';
import { namesAField } from './route-kit.ts';

// Request and response shapes of case tasks.

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;

export const createTaskBody = z
  .strictObject({
    title: text(500),
    assigneeId: z.uuid().optional().openapi({ description: 'A caseworker, the owner or a team member' }),
    dueOn: isoDate.optional(),
  })
  .openapi('CreateTask');
export type CreateTaskInput = z.infer<typeof createTaskBody>;

export const updateTaskBody = z
  .strictObject({
    title: text(500).optional(),
    assigneeId: z.uuid().nullable().optional(),
    dueOn: isoDate.nullable().optional(),
    status: z.enum(TASK_STATUSES).optional(),
  })
  .refine(...namesAField)
  .openapi('UpdateTask');
export type UpdateTaskInput = z.infer<typeof updateTaskBody>;

export const caseTasksQuery = z.strictObject({ status: z.enum(TASK_STATUSES).optional() });

export const myTasksQuery = z.strictObject({
  overdue: z.enum(['true', 'false']).default('false'),
  on: isoDate
    .optional()
    .openapi({ description: 'Your local date; overdue means due before it. Default: today in UTC' }),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

const visibility = z.enum(['shown', 'withheld', 'tampered']);

export const taskOut = z
  .object({
    id: z.string(),
    caseId: z.string(),
    title: z.string().nullable(),
    titleStatus: visibility.openapi({ description: 'Caseworkers and the assignee see the title' }),
    assigneeId: z.string().nullable(),
    dueOn: z.string().nullable(),
    status: z.enum(TASK_STATUSES),
    closedAt: z.string().nullable(),
    closedBy: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('CaseTask');

export const taskResult = z.object({ task: taskOut });
export const taskList = z.object({ tasks: z.array(taskOut) });
