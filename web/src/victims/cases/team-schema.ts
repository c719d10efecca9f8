import * as z from 'zod/mini';

// A case's team, notes and tasks (src/victims/cases/{team,notes,tasks}-schema.ts on the server).

const str = z.nullish(z.string());
const visibility = z.enum(['shown', 'withheld', 'tampered']);

export const caseUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
});
export type CaseUser = z.infer<typeof caseUser>;

export const team = z.object({
  caseId: z.string(),
  owner: z.nullable(caseUser),
  members: z.array(z.extend(caseUser, { addedAt: z.string(), addedBy: str })),
});
export type Team = z.infer<typeof team>;
export const teamAnswer = z.object({ team });
export const candidatesAnswer = z.object({ users: z.array(caseUser) });

export const note = z.object({
  id: z.string(),
  caseId: z.string(),
  authorId: str,
  body: str,
  bodyStatus: visibility,
  createdAt: z.string(),
});
export type Note = z.infer<typeof note>;
export const noteAnswer = z.object({ note });
export const notePage = z.object({ notes: z.array(note), nextCursor: str });
export type NotePage = z.infer<typeof notePage>;

export const taskStatuses = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const task = z.object({
  id: z.string(),
  caseId: z.string(),
  title: str,
  titleStatus: visibility,
  assigneeId: str,
  dueOn: str,
  status: z.enum(taskStatuses),
  closedAt: str,
  closedBy: str,
  createdBy: str,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof task>;
export const taskAnswer = z.object({ task });
export const taskList = z.object({ tasks: z.array(task) });
