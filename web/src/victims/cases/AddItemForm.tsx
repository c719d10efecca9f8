import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { PickField } from '../fields.tsx';
import { addItem, caseKeys } from './api.ts';
import { itemKinds, itemStatuses, type Plan } from './schema.ts';

/** Adds a service to the plan: its kind (and repatriation step), provider and dates. */
export function AddItemForm({ plan, caseId, onDone }: { plan: Plan; caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState('');
  const [step, setStep] = useState('');
  const [status, setStatus] = useState('planned');
  const [providerName, setProviderName] = useState('');
  const [startDate, setStartDate] = useState('');
  const [dueDate, setDueDate] = useState('');
  const chosenKind = itemKinds.find((k) => k === kind);
  const add = useMutation({
    mutationFn: () => {
      if (!chosenKind) throw new Error('no kind');
      return addItem(plan.id, {
        kind: chosenKind,
        ...(chosenKind === 'repatriation' && step && { repatriationStep: step }),
        status: itemStatuses.find((s) => s === status) ?? 'planned',
        ...(providerName.trim() && { providerName: providerName.trim() }),
        ...(startDate && { startDate }),
        ...(dueDate && { dueDate }),
      });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.all(caseId) });
      onDone();
    },
  });
  const ready = chosenKind !== undefined && (chosenKind !== 'repatriation' || step !== '');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (ready) add.mutate();
  };
  return (
    <form onSubmit={submit} data-testid="item-form">
      <Stack gap="xs" mt="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <PickField
            field="jar_SupportItemKind"
            label={t('victims.plans.kind')}
            value={kind}
            onChange={setKind}
            required
            testId="item-kind"
          />
          {chosenKind === 'repatriation' && (
            <PickField
              field="jar_RepatriationStep"
              label={t('victims.plans.step')}
              value={step}
              onChange={setStep}
              required
            />
          )}
          <PickField
            field="jar_SupportItemStatus"
            label={t('common.status')}
            value={status}
            onChange={(v) => setStatus(v || 'planned')}
            required
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('victims.plans.provider')}
            value={providerName}
            onChange={(event) => setProviderName(event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('victims.plans.startDate')}
            value={startDate}
            onChange={(event) => setStartDate(event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('victims.plans.dueDate')}
            value={dueDate}
            onChange={(event) => setDueDate(event.currentTarget.value)}
          />
        </SimpleGrid>
        <ErrorAlert error={add.error} />
        <Group>
          <Button type="submit" loading={add.isPending} disabled={!ready} data-testid="item-submit">
            {t('victims.plans.addItem')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
