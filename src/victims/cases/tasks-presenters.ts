import { type Narrative, narrativeValue } from './narrative.ts';
import type { TaskRow } from './tasks-repo.ts';

// A task as the API shows it; the title only when opened for this reader.

export type ViewedTask = { row: TaskRow; title: Narrative };

export function presentTask(t: ViewedTask) {
  return {
    id: t.row.id,
    caseId: t.row.case_id,
    title: narrativeValue(t.title),
    titleStatus: t.title.status,
    assigneeId: t.row.assignee_id,
    dueOn: t.row.due_on,
    status: t.row.status,
    closedAt: t.row.closed_at ? t.row.closed_at.toISOString() : null,
    closedBy: t.row.closed_by,
    createdBy: t.row.created_by,
    createdAt: t.row.created_at.toISOString(),
    updatedAt: t.row.updated_at.toISOString(),
  };
}
