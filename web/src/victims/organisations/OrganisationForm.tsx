import { Button, Card, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { CountryField, PickField } from '../fields.tsx';
import {
  createOrganisation,
  type Organisation,
  type OrganisationFields,
  organisationKeys,
  updateOrganisation,
} from './api.ts';

const optional = ['type', 'street', 'city', 'state', 'postalCode', 'country', 'phone'] as const;
type Draft = Record<'name' | (typeof optional)[number], string>;

const draftOf = (o: Organisation | undefined): Draft => ({
  name: o?.name ?? '',
  type: o?.type ?? '',
  street: o?.street ?? '',
  city: o?.city ?? '',
  state: o?.state ?? '',
  postalCode: o?.postalCode ?? '',
  country: o?.country ?? '',
  phone: o?.phone ?? '',
});

/** The request body: trimmed text; an emptied field clears it when editing, is left out when adding. */
export function bodyOf(draft: Draft, editing: boolean): OrganisationFields {
  const body: OrganisationFields = { name: draft.name.trim() };
  for (const key of optional) {
    const value = draft[key].trim();
    if (value) body[key] = value;
    else if (editing) body[key] = null;
  }
  return body;
}

/** Adds an organisation of the agency, or changes one (HTCDS org_ fields). */
export function OrganisationForm({
  organisation,
  onDone,
}: {
  organisation?: Organisation;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(organisation));
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const save = useMutation({
    mutationFn: () =>
      organisation
        ? updateOrganisation(organisation.id, bodyOf(draft, true))
        : createOrganisation(bodyOf(draft, false)),
    onSuccess: async (saved) => {
      queryClient.setQueryData(organisationKeys.one(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: organisationKeys.all });
      onDone();
    },
  });
  const labels: Record<keyof Draft, string> = {
    name: t('victims.organisations.name'),
    type: t('victims.organisations.type'),
    street: t('victims.organisations.street'),
    city: t('victims.organisations.city'),
    state: t('victims.organisations.state'),
    postalCode: t('victims.organisations.postalCode'),
    country: t('victims.organisations.country'),
    phone: t('victims.organisations.phone'),
  };
  const text = (key: keyof Draft) => (
    <TextInput
      label={labels[key]}
      value={draft[key]}
      onChange={(event) => set({ [key]: event.currentTarget.value })}
      required={key === 'name'}
    />
  );
  return (
    <Card withBorder padding="sm" data-testid="organisation-form">
      <Stack>
        {text('name')}
        <PickField
          field="org_Type"
          label={labels.type}
          value={draft.type}
          onChange={(type) => set({ type })}
        />
        {text('street')}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('city')}
          {text('state')}
          {text('postalCode')}
          <CountryField
            label={labels.country}
            value={draft.country}
            onChange={(country) => set({ country })}
          />
        </SimpleGrid>
        {text('phone')}
        <ErrorAlert error={save.error} labels={labels} />
        <Group grow>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={!draft.name.trim()}
            data-testid="organisation-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
