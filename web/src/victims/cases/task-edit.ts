import type { TaskChange } from './team-api.ts';
import type { Task } from './team-schema.ts';

// Editing a task's title, assignee and due date: the form starts from the task, and only what
// changed is sent (PATCH /api/victims/tasks/{id}; null clears the assignee or the due date).

export type TaskForm = { title: string; assigneeId: string | null; dueOn: string };

export const taskFormOf = (task: Task): TaskForm => ({
  title: task.titleStatus === 'shown' ? (task.title ?? '') : '',
  assigneeId: task.assigneeId ?? null,
  dueOn: task.dueOn ?? '',
});

/**
 * The fields that changed. A title that could not be shown (withheld or tampered) starts empty:
 * left empty it is kept, typed it replaces the stored one.
 */
export function taskChangesOf(task: Task, form: TaskForm): TaskChange {
  const change: TaskChange = {};
  const title = form.title.trim();
  if (title && title !== (task.titleStatus === 'shown' ? task.title : null)) change.title = title;
  if (form.assigneeId !== (task.assigneeId ?? null)) change.assigneeId = form.assigneeId;
  const dueOn = form.dueOn || null;
  if (dueOn !== (task.dueOn ?? null)) change.dueOn = dueOn;
  return change;
}

/** A shown title may not be emptied (the server requires one); a hidden one may stay as it is. */
export const taskFormIssue = (task: Task, form: TaskForm): 'title' | null =>
  task.titleStatus === 'shown' && !form.title.trim() ? 'title' : null;
