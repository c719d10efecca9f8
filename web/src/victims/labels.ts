import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../i18n/languages.ts';
import { dateFormatter } from '../platform/common/dates.ts';
import { regionName } from '../platform/countries.ts';

// Names of stored values in the interface language. Picklist values (HTCDS names such as
// `IrregularMigrant`) are translated under `victims.values.<field>.<value>` in the locale files;
// a value the locales do not know yet (a newer catalogue) is shown spaced out, never hidden.
// Indicator texts come with the data (`labels` per language); English where a language is missing.

export type Localised = { text: string; lang: string };

/** The text in `lang`, else English, else any; `lang` says which was used (for `<... lang>`). */
export function localText(labels: Readonly<Record<string, string>>, lang: string): Localised {
  const own = labels[lang];
  if (own) return { text: own, lang };
  const en = labels.en;
  if (en) return { text: en, lang: 'en' };
  const [first] = Object.entries(labels);
  return first ? { text: first[1], lang: first[0] } : { text: '', lang };
}

/** `IrregularMigrant` → `Irregular migrant`, `legal_aid` → `Legal aid`, `A_Agriculture…` kept readable. */
export function spacedOut(value: string): string {
  const words = value
    .replace(/^[A-Z]_/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type VictimLabels = {
  lang: string;
  value: (field: string, value: string) => string;
  values: (field: string, values: readonly string[]) => string;
  country: (code: string) => string;
  /** A calendar date (YYYY-MM-DD) in the interface language; shown as sent when it is not one. */
  date: (day: string | null | undefined) => string;
  text: (labels: Readonly<Record<string, string>>) => Localised;
};

export function useVictimLabels(): VictimLabels {
  const { i18n } = useTranslation();
  const lang = languageOf(i18n.resolvedLanguage ?? i18n.language).code;
  const locale = languageOf(lang).htmlLang;
  return useMemo(() => {
    const days = dateFormatter(locale, { time: false, timeZone: 'UTC' });
    const lookup = (key: string): string | null => {
      for (const language of [lang, 'en']) {
        const found: unknown = i18n.getResource(language, 'translation', key);
        if (typeof found === 'string') return found;
      }
      return null;
    };
    const value = (field: string, raw: string) => lookup(`victims.values.${field}.${raw}`) ?? spacedOut(raw);
    return {
      lang,
      value,
      values: (field, list) => list.map((raw) => value(field, raw)).join(', '),
      country: (code) => regionName(i18n, code),
      date: (day) => {
        if (!day) return '';
        const parsed = new Date(`${day.slice(0, 10)}T00:00:00Z`);
        return Number.isNaN(parsed.getTime()) ? day : days(parsed);
      },
      text: (labels) => localText(labels, lang),
    };
  }, [i18n, lang, locale]);
}
