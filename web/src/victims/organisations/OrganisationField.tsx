import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../platform/session/context.ts';
import { useVictimLabels } from '../labels.ts';
import { mayWriteOrganisations } from '../roles.ts';
import {
  createOrganisation,
  fetchOrganisation,
  organisationKeys,
  organisationLabel,
  searchOrganisations,
} from './api.ts';

type Props = {
  label: string;
  description?: string;
  /** the chosen organisation's id, or '' for none */
  value: string;
  onChange: (id: string) => void;
  testId?: string;
};

const SEARCH_PAUSE_MS = 300;

/** The value of the option that registers the typed name as a new organisation. */
const ADD = 'add:';

/**
 * An HTCDS lookup to one of the agency's organisations: type part of a name to find it. Caseworkers
 * and referral focal points can register a name not found yet (its name only; the organisation's
 * other fields are kept on it through /api/victims/organisations).
 */
export function OrganisationField({ label, description, value, onChange, testId }: Props) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const chosen = useOrganisation(value);
  const chosenLabel = chosen.data && organisationLabel(chosen.data, labels.country);
  // Each search is an audited read on the server: ask once the typing pauses, not per keystroke.
  const [term] = useDebouncedValue(search.trim(), SEARCH_PAUSE_MS);
  const searching = term !== '' && term !== chosenLabel;
  const found = useQuery({
    queryKey: organisationKeys.search(term),
    queryFn: () => searchOrganisations(term),
    enabled: searching,
    staleTime: 30_000,
  });
  const add = useMutation({
    mutationFn: (name: string) => createOrganisation({ name }),
    onSuccess: (created) => {
      queryClient.setQueryData(organisationKeys.one(created.id), created);
      void queryClient.invalidateQueries({ queryKey: organisationKeys.searches });
      onChange(created.id);
    },
  });
  const options = new Map<string, string>();
  if (chosenLabel) options.set(value, chosenLabel);
  for (const o of searching ? (found.data ?? []) : [])
    options.set(o.id, organisationLabel(o, labels.country));
  const data = [...options].map(([id, text]) => ({ value: id, label: text }));
  const known = (found.data ?? []).some((o) => o.name.toLowerCase() === term.toLowerCase());
  if (searching && found.isSuccess && !known && mayWriteOrganisations(user.roles))
    data.push({ value: `${ADD}${term}`, label: t('victims.organisations.add', { name: term }) });
  return (
    <Select
      label={label}
      description={description}
      placeholder={t('victims.organisations.search')}
      data={data}
      value={value || null}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(next) => {
        if (next?.startsWith(ADD)) add.mutate(next.slice(ADD.length));
        else onChange(next ?? '');
      }}
      nothingFoundMessage={
        searching && found.isSuccess
          ? t('victims.organisations.none')
          : t('victims.organisations.typeToSearch')
      }
      error={(add.isError || found.isError) && t('victims.organisations.failed')}
      disabled={add.isPending}
      data-testid={testId}
    />
  );
}

/** An organisation by id (nothing for ''), as the pages show it. */
export function useOrganisation(id: string) {
  return useQuery({
    queryKey: organisationKeys.one(id),
    queryFn: () => fetchOrganisation(id),
    enabled: id !== '',
    staleTime: 60_000,
  });
}

/** An organisation's label by id, for read-only views; '' while loading or for none. */
export function useOrganisationLabel(id: string | null | undefined): string {
  const labels = useVictimLabels();
  const found = useOrganisation(id ?? '');
  return found.data ? organisationLabel(found.data, labels.country) : '';
}
