import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { type AgencyInput, adminKeys, createAgency, updateAgency } from '../api.ts';
import { orgTypes } from '../orgTypes.ts';
import type { Agency } from '../schema.ts';
import { CountrySelect } from './CountrySelect.tsx';

type Props = { agency?: Agency; defaultCountry?: string; onDone: () => void };

/** Creates an agency, or edits one when `agency` is given. */
export function AgencyForm({ agency, defaultCountry = '', onDone }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(agency?.name ?? '');
  const [orgType, setOrgType] = useState(agency?.orgType ?? '');
  const [country, setCountry] = useState(agency?.country ?? defaultCountry);

  const save = useMutation({
    mutationFn: (input: AgencyInput) => (agency ? updateAgency(agency.id, input) : createAgency(input)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.agencies });
      onDone();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate({ name: name.trim(), orgType, country });
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput
          label={t('admin.agencies.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          required
        />
        <Select
          label={t('admin.agencies.orgType')}
          data={orgTypes.map((type) => ({ value: type, label: t(`orgTypes.${type}`) }))}
          value={orgType || null}
          onChange={(next) => setOrgType(next ?? '')}
          allowDeselect={false}
          required
        />
        <CountrySelect value={country} onChange={setCountry} />
        <ErrorAlert
          error={save.error}
          labels={{
            name: t('admin.agencies.name'),
            orgType: t('admin.agencies.orgType'),
            country: t('admin.agencies.country'),
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!name.trim() || !orgType || !country}>
            {agency ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
