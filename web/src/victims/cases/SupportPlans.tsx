import { Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { QueryState } from '../../platform/common/QueryState.tsx';
import { useSession } from '../../platform/session/context.ts';
import { PickField } from '../fields.tsx';
import { mayWritePlans } from '../roles.ts';
import type { CaseRecord } from '../schema.ts';
import { caseKeys, createPlan, listPlans } from './api.ts';
import { PlanBoard } from './PlanBoard.tsx';

/** The case's support plans (one per person), each as a board; a plan for each victim without one. */
export function SupportPlans({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const plans = useQuery({ queryKey: caseKeys.plans(record.id), queryFn: () => listPlans(record.id) });
  const planned = new Set((plans.data ?? []).map((p) => p.person.id));
  const writer = mayWritePlans(user.roles);
  const without = record.persons.filter((p) => p.role === 'victim' && !planned.has(p.person.id));
  return (
    <Stack component="section" aria-labelledby="support-plans-title" gap="sm" data-testid="support-plans">
      <Title order={2} size="h3" id="support-plans-title">
        {t('victims.plans.title')}
      </Title>
      <QueryState query={plans} empty={t('victims.plans.none')}>
        {(list) => (
          <Stack>
            {list.map((plan) => (
              <PlanBoard key={plan.id} plan={plan} caseId={record.id} />
            ))}
          </Stack>
        )}
      </QueryState>
      {writer &&
        plans.isSuccess &&
        without.map((p) => (
          <NewPlanForm
            key={p.person.id}
            caseId={record.id}
            personId={p.person.id}
            name={p.person.name || p.person.pseudonym}
          />
        ))}
    </Stack>
  );
}

function NewPlanForm({ caseId, personId, name }: { caseId: string; personId: string; name: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [type, setType] = useState('');
  const [objectives, setObjectives] = useState('');
  const [plannedEndDate, setPlannedEndDate] = useState('');
  const create = useMutation({
    mutationFn: () =>
      createPlan(caseId, {
        personId,
        ...(type && { type }),
        ...(objectives.trim() && { objectives: objectives.trim() }),
        ...(plannedEndDate && { plannedEndDate }),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.all(caseId) });
      setOpen(false);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate();
  };
  if (!open) {
    return (
      <Group>
        <Button variant="light" onClick={() => setOpen(true)} data-testid="plan-create">
          {t('victims.plans.create', { name })}
        </Button>
      </Group>
    );
  }
  return (
    <Card withBorder padding="sm" component="form" onSubmit={submit} data-testid="plan-form">
      <Stack>
        <Text fw={700}>{t('victims.plans.create', { name })}</Text>
        <PickField field="spl_Type" label={t('victims.plans.type')} value={type} onChange={setType} />
        <Textarea
          label={t('victims.plans.objectives')}
          description={t('victims.plans.objectivesHelp')}
          value={objectives}
          onChange={(event) => setObjectives(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={8000}
        />
        <TextInput
          type="date"
          label={t('victims.plans.plannedEndDate')}
          value={plannedEndDate}
          onChange={(event) => setPlannedEndDate(event.currentTarget.value)}
        />
        <ErrorAlert
          error={create.error}
          labels={{
            personId: name,
            type: t('victims.plans.type'),
            objectives: t('victims.plans.objectives'),
            plannedEndDate: t('victims.plans.plannedEndDate'),
          }}
        />
        <Group>
          <Button type="submit" loading={create.isPending} data-testid="plan-submit">
            {t('common.create')}
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
