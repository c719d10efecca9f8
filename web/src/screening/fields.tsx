import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryOptions } from '../platform/countries.ts';
import { useScreeningLabels } from './labels.ts';
import { screeningLangs } from './vocabulary.ts';

type FieldProps = {
  label: string;
  description?: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
};

/** An optional ISO 3166-1 alpha-2 country, ASEAN first, named in the interface language. */
export function CountryField({ label, description, value, onChange }: FieldProps) {
  const { t } = useTranslation();
  const data = useCountryOptions({
    asean: t('screening.countries.asean'),
    other: t('screening.countries.other'),
  });
  return (
    <Select
      label={label}
      description={description}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchable
      clearable
    />
  );
}

/** One of the languages the screener knows, or none. */
export function LanguageField({ label, description, placeholder, value, onChange }: FieldProps) {
  const labels = useScreeningLabels();
  const data = screeningLangs.map((code) => ({ value: code, label: `${labels.language(code)} (${code})` }));
  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      clearable
    />
  );
}
