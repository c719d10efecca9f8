import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { QueryState } from '../../platform/common/QueryState.tsx';
import { useSession } from '../../platform/session/context.ts';
import { useVictimLabels } from '../labels.ts';
import { localToday } from '../register/draft.ts';
import { mayCreateTasks, mayManageTeam } from '../roles.ts';
import type { CaseUsers } from './case-users.ts';
import { TaskEdit } from './TaskEdit.tsx';
import { addTask, changeTask, listTasks, teamKeys } from './team-api.ts';
import type { Task, TaskStatus } from './team-schema.ts';

/** Open and past due on the officer's own calendar day (the server's rule, with `on` = today). */
export const isOverdue = (task: Pick<Task, 'status' | 'dueOn'>, today: string) =>
  task.status === 'open' && Boolean(task.dueOn) && (task.dueOn ?? '') < today;

const statusColor = { open: 'blue', done: 'green', cancelled: 'gray' } as const;

/** The case's tasks: open first, earliest due first (the server's order); add, edit, close, reopen. */
export function CaseTasks({ caseId, users }: { caseId: string; users: CaseUsers }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const tasks = useQuery({ queryKey: teamKeys.tasks(caseId), queryFn: () => listTasks(caseId) });
  return (
    <Card
      withBorder
      padding="sm"
      component="section"
      aria-labelledby="case-tasks-title"
      data-testid="case-tasks"
    >
      <Stack gap="xs">
        <Title order={2} size="h3" id="case-tasks-title">
          {t('victims.tasks.title')}
        </Title>
        <QueryState query={tasks} empty={t('victims.tasks.none')}>
          {(list) => (
            <Stack gap="xs" data-testid="task-list">
              {list.map((task) => (
                <TaskRow key={task.id} task={task} caseId={caseId} users={users} />
              ))}
            </Stack>
          )}
        </QueryState>
        {mayCreateTasks(user.roles) && <NewTaskForm caseId={caseId} users={users} />}
      </Stack>
    </Card>
  );
}

function TaskRow({ task, caseId, users }: { task: Task; caseId: string; users: CaseUsers }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const labels = useVictimLabels();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (status: TaskStatus) => changeTask(task.id, { status }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: teamKeys.tasks(caseId) });
      await queryClient.invalidateQueries({ queryKey: teamKeys.timeline(caseId) });
    },
  });
  const [editing, setEditing] = useState(false);
  // Caseworkers change any task; others only close or reopen one given to them.
  const editor = mayManageTeam(user.roles);
  const may = editor || task.assigneeId === user.id;
  const overdue = isOverdue(task, localToday());
  const moves: TaskStatus[] = task.status === 'open' ? ['done', 'cancelled'] : ['open'];
  const title =
    task.titleStatus === 'shown'
      ? task.title
      : t(task.titleStatus === 'tampered' ? 'victims.tasks.tampered' : 'victims.tasks.withheld');
  const assignee = users.nameOf(task.assigneeId);
  return (
    <Card
      withBorder
      padding="xs"
      data-testid="task"
      data-task-id={task.id}
      data-status={task.status}
      data-overdue={overdue}
    >
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2} style={{ flex: '1 1 12rem', minWidth: 0 }}>
          <Text
            size="sm"
            fw={700}
            c={task.titleStatus === 'shown' ? undefined : 'dimmed'}
            style={{ overflowWrap: 'anywhere' }}
          >
            {title}
          </Text>
          <Group gap="xs">
            <Badge size="sm" variant="light" color={statusColor[task.status]}>
              {t(`victims.tasks.statuses.${task.status}`)}
            </Badge>
            {overdue && (
              <Badge size="sm" color="red" data-testid="task-overdue">
                {t('victims.tasks.overdue')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {[
              task.dueOn && t('victims.tasks.dueOn', { date: labels.date(task.dueOn) }),
              task.assigneeId
                ? t('victims.tasks.assignedTo', { name: assignee ?? t('victims.tasks.someone') })
                : t('victims.tasks.unassigned'),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        {may && (
          <Group gap={4}>
            {editor && (
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => setEditing(true)}
                data-testid="task-edit"
              >
                {t('victims.taskEdit.open')}
              </Button>
            )}
            {moves.map((status) => (
              <Button
                key={status}
                size="compact-sm"
                variant={status === 'done' ? 'light' : 'default'}
                loading={change.isPending && change.variables === status}
                onClick={() => change.mutate(status)}
                data-testid={`task-to-${status}`}
              >
                {t(`victims.tasks.moveTo.${status}`)}
              </Button>
            ))}
          </Group>
        )}
      </Group>
      <ErrorAlert error={change.error} labels={{ status: t('common.status') }} />
      {editing && <TaskEdit task={task} caseId={caseId} users={users} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function NewTaskForm({ caseId, users }: { caseId: string; users: CaseUsers }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const add = useMutation({
    mutationFn: () =>
      addTask(caseId, {
        title: title.trim(),
        ...(assigneeId && { assigneeId }),
        ...(dueOn && { dueOn }),
      }),
    onSuccess: async () => {
      setTitle('');
      setAssigneeId(null);
      setDueOn('');
      await queryClient.invalidateQueries({ queryKey: teamKeys.tasks(caseId) });
      await queryClient.invalidateQueries({ queryKey: teamKeys.timeline(caseId) });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (title.trim()) add.mutate();
  };
  return (
    <form onSubmit={submit} data-testid="task-form">
      <Stack gap="xs">
        <TextInput
          label={t('victims.tasks.new')}
          description={t('victims.tasks.newHelp')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          maxLength={500}
          data-testid="task-title"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('victims.tasks.assignee')}
            data={users.assignable.map((u) => ({ value: u.id, label: u.displayName }))}
            value={assigneeId}
            onChange={setAssigneeId}
            clearable
            searchable
            data-testid="task-assignee"
          />
          <TextInput
            type="date"
            label={t('victims.tasks.due')}
            value={dueOn}
            onChange={(event) => setDueOn(event.currentTarget.value)}
            data-testid="task-due"
          />
        </SimpleGrid>
        <ErrorAlert
          error={add.error}
          labels={{
            title: t('victims.tasks.new'),
            assigneeId: t('victims.tasks.assignee'),
            dueOn: t('victims.tasks.due'),
          }}
        />
        <Group>
          <Button
            type="submit"
            variant="light"
            disabled={!title.trim()}
            loading={add.isPending}
            data-testid="task-submit"
          >
            {t('victims.tasks.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
