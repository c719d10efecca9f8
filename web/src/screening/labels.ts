import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../i18n/language-name.ts';
import { languageOf } from '../i18n/languages.ts';
import en from '../i18n/locales/en.json';
import { isIndicatorCategory, isScreeningLang } from './vocabulary.ts';

type KindKey = keyof typeof en.screening.kinds;

function isKindKey(kind: string): kind is KindKey {
  return Object.hasOwn(en.screening.kinds, kind);
}

// Indicator reasons are not labels: the server sends them in the interface language (api.ts sends
// it as Accept-Language), from data/indicators/reasons.<lang>.json.
export type ScreeningLabels = {
  category: (category: string) => string;
  kind: (kind: string) => string;
  language: (code: string) => string;
  percent: (fraction: number) => string;
  number: (value: number) => string;
};

/** Names of the screening vocabulary in the interface language; unknown values are shown as sent. */
export function useScreeningLabels(): ScreeningLabels {
  const { t, i18n } = useTranslation();
  const locale = languageOf(i18n.language).htmlLang;
  return useMemo(() => {
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
    return {
      category: (category) =>
        isIndicatorCategory(category) ? t(`screening.categories.${category}`) : category,
      kind: (kind) => (isKindKey(kind) ? t(`screening.kinds.${kind}`) : kind),
      language: (code) => {
        if (code === 'und') return t('screening.unknownLanguage');
        // The screener's own languages from the locale files: browsers' display names lack some of
        // them (Debian's Chromium names Vietnamese in English on a Khmer page).
        if (isScreeningLang(code)) return t(`screening.languages.${code}`);
        return languageName(code, locale);
      },
      percent: (fraction) => percent.format(fraction),
      number: (value) => number.format(value),
    };
  }, [locale, t]);
}
