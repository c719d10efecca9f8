import { useTranslation } from 'react-i18next';
import { languageOf } from '../../i18n/languages.ts';
import { dateFormatter } from './dates.ts';

export type Timestamp = string | number;

/** Formats server timestamps in the interface language; unparseable values are shown as sent. */
export function useFormatTime(): (value: Timestamp | null | undefined) => string {
  const { t, i18n } = useTranslation();
  const format = dateFormatter(languageOf(i18n.language).htmlLang, { time: true });
  return (value) => {
    if (value === null || value === undefined) return t('common.never');
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? String(value) : format(date);
  };
}
