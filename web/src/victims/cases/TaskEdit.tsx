import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import type { CaseUsers } from './case-users.ts';
import { type TaskForm, taskChangesOf, taskFormIssue, taskFormOf } from './task-edit.ts';
import { changeTask, teamKeys } from './team-api.ts';
import type { Task } from './team-schema.ts';

type Props = { task: Task; caseId: string; users: CaseUsers; onClose: () => void };

/** Caseworkers change a task's title, assignee and due date; only what changed is sent. */
export function TaskEdit({ task, caseId, users, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<TaskForm>(() => taskFormOf(task));
  const changes = taskChangesOf(task, form);
  const issue = taskFormIssue(task, form);
  const update = (patch: Partial<TaskForm>) => setForm((current) => ({ ...current, ...patch }));
  const save = useMutation({
    mutationFn: () => changeTask(task.id, changes),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: teamKeys.tasks(caseId) });
      await queryClient.invalidateQueries({ queryKey: teamKeys.timeline(caseId) });
      onClose();
    },
  });
  // The current assignee stays choosable even when no longer among those a task may be given to.
  const options = users.assignable.map((u) => ({ value: u.id, label: u.displayName }));
  if (task.assigneeId && !options.some((o) => o.value === task.assigneeId)) {
    const name = users.nameOf(task.assigneeId) ?? t('victims.tasks.someone');
    options.push({ value: task.assigneeId, label: name });
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('victims.taskEdit.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm" data-testid="task-edit-form">
        <TextInput
          label={t('victims.taskEdit.taskTitle')}
          description={task.titleStatus === 'shown' ? undefined : t('victims.taskEdit.titleHidden')}
          value={form.title}
          onChange={(event) => update({ title: event.currentTarget.value })}
          maxLength={500}
          error={issue === 'title' ? t('victims.taskEdit.titleRequired') : undefined}
          data-testid="task-edit-title"
        />
        <Select
          label={t('victims.tasks.assignee')}
          data={options}
          value={form.assigneeId}
          onChange={(assigneeId) => update({ assigneeId })}
          clearable
          searchable
          data-testid="task-edit-assignee"
        />
        <TextInput
          type="date"
          label={t('victims.tasks.due')}
          description={t('victims.taskEdit.dueHelp')}
          value={form.dueOn}
          onChange={(event) => update({ dueOn: event.currentTarget.value })}
          data-testid="task-edit-due"
        />
        <ErrorAlert
          error={save.error}
          labels={{
            title: t('victims.taskEdit.taskTitle'),
            assigneeId: t('victims.tasks.assignee'),
            dueOn: t('victims.tasks.due'),
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={issue !== null || Object.keys(changes).length === 0}
            data-testid="task-edit-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
