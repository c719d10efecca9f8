import { Box, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../platform/session/context.ts';
import { CountryField, PickField } from '../fields.tsx';
import { mayReadIdentity } from '../roles.ts';
import type { PersonFilters } from './filters.ts';

type Props = { filters: PersonFilters; onChange: (filters: PersonFilters) => void };

export function PersonFiltersBar({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [name, setName] = useState(filters.name ?? '');
  const commitName = useDebouncedCallback(
    (value: string) => onChange({ ...filters, name: value.trim() || undefined }),
    400,
  );
  const set = (patch: Partial<PersonFilters>) => onChange({ ...filters, ...patch });
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" data-testid="person-filters">
      {mayReadIdentity(user.roles) && (
        <TextInput
          label={t('victims.search.name')}
          description={t('victims.search.nameHelp')}
          type="search"
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            commitName(event.currentTarget.value);
          }}
          w={{ base: '100%', sm: 240 }}
          data-testid="person-search"
        />
      )}
      <Select
        label={t('victims.search.role')}
        placeholder={t('victims.search.any')}
        data={[
          { value: 'victim', label: t('victims.person.victim') },
          { value: 'perpetrator', label: t('victims.person.perpetrator') },
        ]}
        value={filters.role ?? null}
        onChange={(value) => set({ role: value === 'victim' || value === 'perpetrator' ? value : undefined })}
        clearable
        w={{ base: '100%', sm: 160 }}
      />
      <FilterPick
        field="prs_Gender"
        label={t('victims.person.gender')}
        value={filters.gender}
        onChange={(gender) => set({ gender })}
      />
      <FilterPick
        field="vic_TypeOfExploitation"
        label={t('victims.person.typeOfExploitation')}
        value={filters.exploitation}
        onChange={(exploitation) => set({ exploitation })}
      />
      <FilterPick
        field="vic_TraffickingStatus"
        label={t('victims.person.traffickingStatus')}
        value={filters.status}
        onChange={(status) => set({ status })}
      />
      <Box w={{ base: '100%', sm: 220 }}>
        <CountryField
          label={t('victims.person.citizenship')}
          value={filters.citizenship ?? ''}
          onChange={(citizenship) => set({ citizenship: citizenship || undefined })}
        />
      </Box>
    </Group>
  );
}

type PickProps = {
  field: string;
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
};

function FilterPick({ field, label, value, onChange }: PickProps) {
  return (
    <Box w={{ base: '100%', sm: 200 }}>
      <PickField
        field={field}
        label={label}
        value={value ?? ''}
        onChange={(next) => onChange(next || undefined)}
      />
    </Box>
  );
}
