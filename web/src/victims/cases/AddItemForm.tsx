import { Button, Checkbox, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PickField } from '../fields.tsx';
import { addItem, caseKeys } from './api.ts';
import { ItemErrorAlert } from './ItemErrorAlert.tsx';
import { newItemBody } from './items.ts';
import { itemKinds, type Plan } from './schema.ts';

/** Adds a service to the plan: its kind (and repatriation step, which may be not needed), provider and dates. */
export function AddItemForm({ plan, caseId, onDone }: { plan: Plan; caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState('');
  const [step, setStep] = useState('');
  const [status, setStatus] = useState('planned');
  const [notNeeded, setNotNeeded] = useState(false);
  const [providerName, setProviderName] = useState('');
  const [startDate, setStartDate] = useState('');
  const [dueDate, setDueDate] = useState('');
  const chosenKind = itemKinds.find((k) => k === kind);
  const isStep = chosenKind === 'repatriation';
  const add = useMutation({
    mutationFn: () => {
      if (!chosenKind) throw new Error('no kind');
      const form = { kind: chosenKind, step, status, notNeeded, providerName, startDate, dueDate };
      return addItem(plan.id, newItemBody(form));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.all(caseId) });
      onDone();
    },
  });
  const ready = chosenKind !== undefined && (!isStep || step !== '');
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
          {isStep && (
            <PickField
              field="jar_RepatriationStep"
              label={t('victims.plans.step')}
              value={step}
              onChange={setStep}
              required
            />
          )}
          {!(isStep && notNeeded) && (
            <PickField
              field="jar_SupportItemStatus"
              label={t('common.status')}
              value={status}
              onChange={(v) => setStatus(v || 'planned')}
              required
            />
          )}
        </SimpleGrid>
        {isStep && (
          <Checkbox
            label={t('victims.plans.notNeeded')}
            description={t('victims.plans.notNeededHelp')}
            checked={notNeeded}
            onChange={(event) => setNotNeeded(event.currentTarget.checked)}
            data-testid="item-not-needed"
          />
        )}
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
        <ItemErrorAlert error={add.error} plan={plan} step={isStep ? step : null} />
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
