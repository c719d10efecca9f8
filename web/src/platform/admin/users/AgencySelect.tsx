import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../queries.ts';

type Props = { value: string; onChange: (value: string) => void };

export function AgencySelect({ value, onChange }: Props) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const data = (agencies.data ?? []).map((agency) => ({ value: agency.id, label: agency.name }));
  return (
    <Select
      label={t('admin.users.agency')}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchable
      allowDeselect={false}
      disabled={agencies.isPending}
      placeholder={agencies.isPending ? t('common.loading') : undefined}
      required
    />
  );
}
