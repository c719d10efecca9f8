import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../../i18n/languages.ts';

/** Byte counts in the interface language's units and digits (12.5 MB, 12,5 MB, ...). */
export function useFormatBytes(): (bytes: number) => string {
  const { i18n } = useTranslation();
  const locale = languageOf(i18n.language).htmlLang;
  return useMemo(() => {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    const formats = units.map(
      (unit) => new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }),
    );
    return (bytes) => {
      let value = bytes;
      let step = 0;
      while (value >= 1000 && step < units.length - 1) {
        value /= 1000;
        step += 1;
      }
      return formats[step]?.format(value) ?? String(bytes);
    };
  }, [locale]);
}
