import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../../../i18n/languages.ts';
import countries from '../countries.json';

type Props = { value: string; onChange: (value: string) => void };

/** ISO 3166-1 alpha-2 countries, ASEAN first, named in the interface language. */
export function CountrySelect({ value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const data = useMemo(() => {
    const locale = languageOf(i18n.language).htmlLang;
    const names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
    const item = (code: string) => ({ value: code, label: `${names.of(code) ?? code} (${code})` });
    const collator = new Intl.Collator(locale);
    const byName = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
    const known = [...countries.asean, ...countries.other];
    const extra = value && !known.includes(value) ? [item(value)] : [];
    return [
      { group: t('admin.agencies.asean'), items: countries.asean.map(item).sort(byName) },
      {
        group: t('admin.agencies.otherCountries'),
        items: [...extra, ...countries.other.map(item)].sort(byName),
      },
    ];
  }, [i18n.language, t, value]);
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
