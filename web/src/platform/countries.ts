import type { i18n as I18n } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../i18n/languages.ts';
import countries from './admin/countries.json';

export type CountryGroups = { asean: string; other: string };

/**
 * Select data for ISO 3166-1 alpha-2 countries, ASEAN first, each group sorted by the country's
 * name in the interface language. `current`: a stored code outside the list is kept selectable.
 */
export function useCountryOptions(groups: CountryGroups, current?: string) {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const locale = languageOf(i18n.language).htmlLang;
    const collator = new Intl.Collator(locale);
    const item = (code: string) => ({ value: code, label: `${regionName(i18n, code)} (${code})` });
    const sorted = (codes: readonly string[]) =>
      codes.map(item).sort((a, b) => collator.compare(a.label, b.label));
    const known = [...countries.asean, ...countries.other];
    const extra = current && !known.includes(current) ? [current] : [];
    return [
      { group: groups.asean, items: sorted(countries.asean) },
      { group: groups.other, items: sorted([...extra, ...countries.other]) },
    ];
  }, [i18n, i18n.language, groups.asean, groups.other, current]);
}

/** `regionName` for the interface language, as a function of the code. */
export function useRegionName(): (code: string) => string {
  const { i18n } = useTranslation();
  return (code) => regionName(i18n, code);
}

/**
 * A country's name in the interface language: the locale files' `regions` (CLDR names, written by
 * i18n/tools/region-names.mjs; browsers lack some, Debian's Chromium has no Khmer or Burmese names),
 * else English, else the code as stored.
 */
export function regionName(i18n: I18n, code: string): string {
  for (const language of [i18n.resolvedLanguage ?? i18n.language, 'en']) {
    const found: unknown = i18n.getResource(language, 'translation', `regions.${code}`);
    if (typeof found === 'string') return found;
  }
  return code;
}
