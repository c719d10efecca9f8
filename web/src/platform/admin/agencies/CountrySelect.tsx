import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryOptions } from '../../countries.ts';

type Props = { value: string; onChange: (value: string) => void };

/** ISO 3166-1 alpha-2 countries, ASEAN first, named in the interface language. */
export function CountrySelect({ value, onChange }: Props) {
  const { t } = useTranslation();
  const data = useCountryOptions(
    { asean: t('admin.agencies.asean'), other: t('admin.agencies.otherCountries') },
    value,
  );
  return (
    <Select
      label={t('admin.agencies.country')}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchable
      allowDeselect={false}
      required
    />
  );
}
