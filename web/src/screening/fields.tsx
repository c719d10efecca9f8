import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../i18n/languages.ts';
import countries from '../platform/admin/countries.json';
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
  const { t, i18n } = useTranslation();
  const data = useMemo(() => {
    const locale = languageOf(i18n.language).htmlLang;
    const names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
    const collator = new Intl.Collator(locale);
    const items = (codes: readonly string[]) =>
      codes
        .map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }))
        .sort((a, b) => collator.compare(a.label, b.label));
    return [
      { group: t('screening.countries.asean'), items: items(countries.asean) },
      { group: t('screening.countries.other'), items: items(countries.other) },
    ];
  }, [i18n.language, t]);
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
