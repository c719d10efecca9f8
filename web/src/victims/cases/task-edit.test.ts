import { describe, expect, it } from 'vitest';
import { taskChangesOf, taskFormIssue, taskFormOf } from './task-edit.ts';
import type { Task } from './team-schema.ts';

const task: Task = {
  id: 't1',
  caseId: 'c1',
  title: 'Call the embassy',
  titleStatus: 'shown',
  assigneeId: 'u1',
  dueOn: '2025-03-01',
  status: 'open',
  closedAt: null,
  closedBy: null,
  createdBy: 'u0',
  createdAt: '2025-02-20T09:00:00.000Z',
  updatedAt: '2025-02-20T09:00:00.000Z',
};

describe('task edit', () => {
  it('starts from the task and sends nothing when nothing changed', () => {
    const form = taskFormOf(task);
    expect(form).toEqual({ title: 'Call the embassy', assigneeId: 'u1', dueOn: '2025-03-01' });
    expect(taskChangesOf(task, form)).toEqual({});
    expect(taskChangesOf(task, { ...form, title: '  Call the embassy ' })).toEqual({});
  });

  it('sends only the changed fields; emptied assignee and due date clear them', () => {
    const form = taskFormOf(task);
    expect(taskChangesOf(task, { ...form, dueOn: '2025-03-08' })).toEqual({ dueOn: '2025-03-08' });
    expect(taskChangesOf(task, { ...form, assigneeId: null, dueOn: '' })).toEqual({
      assigneeId: null,
      dueOn: null,
    });
    expect(taskChangesOf(task, { ...form, title: 'Call the embassy again', assigneeId: 'u2' })).toEqual({
      title: 'Call the embassy again',
      assigneeId: 'u2',
    });
  });

  it('adds what a task had none of', () => {
    const bare = { ...task, assigneeId: null, dueOn: null };
    expect(taskChangesOf(bare, { ...taskFormOf(bare), assigneeId: 'u3', dueOn: '2025-04-01' })).toEqual({
      assigneeId: 'u3',
      dueOn: '2025-04-01',
    });
  });

  it('keeps a title it could not show unless a new one is typed', () => {
    const tampered = { ...task, title: null, titleStatus: 'tampered' as const };
    const form = taskFormOf(tampered);
    expect(form.title).toBe('');
    expect(taskFormIssue(tampered, form)).toBeNull();
    expect(taskChangesOf(tampered, form)).toEqual({});
    expect(taskChangesOf(tampered, { ...form, title: 'Call the embassy' })).toEqual({
      title: 'Call the embassy',
    });
  });

  it('refuses to empty a shown title', () => {
    expect(taskFormIssue(task, { ...taskFormOf(task), title: '  ' })).toBe('title');
    expect(taskFormIssue(task, taskFormOf(task))).toBeNull();
  });
});
