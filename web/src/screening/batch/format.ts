import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../../i18n/languages.ts';

const LARGER = ['kilobyte', 'megabyte', 'gigabyte'] as const;
const FRACTION = { maximumFractionDigits: 1 };

/**
 * Byte counts in `locale`'s units and digits: "0 bytes", "1 byte", "48.3 kB", "1.5 GB" (th "0 ไบต์",
 * zh "0字节", vi "48,3 kB"). Whole bytes take Intl's long unit name: its short one is the
 * singular "byte" in English whatever the count ("0 byte", found by a QA pass). Decimal steps, as
 * the unit symbols say. Where the browser has no data for the language (Debian's chromium has none
 * for Burmese, Khmer or Lao, and Intl then writes English words), the symbol "B", as for dates
 * (../../platform/common/dates.ts).
 */
export function byteFormatter(locale: string): (bytes: number) => string {
  const bytes =
    Intl.NumberFormat.supportedLocalesOf([locale]).length > 0
      ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' })
      : symbolB(new Intl.NumberFormat(locale));
  const larger = LARGER.map(
    (unit) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', ...FRACTION }),
  );
  return (count) => {
    if (!Number.isFinite(count) || Math.abs(count) < 1000) return bytes.format(Math.round(count));
    let value = count / 1000;
    let step = 0;
    // Rounded as shown: 999,960 bytes are "1 MB", not "1,000 kB".
    while (Math.abs(Math.round(value * 10)) >= 10_000 && step < larger.length - 1) {
      value /= 1000;
      step += 1;
    }
    return larger[step]?.format(value) ?? bytes.format(Math.round(count));
  };
}

const symbolB = (digits: Intl.NumberFormat) => ({ format: (n: number) => `${digits.format(n)}\u00a0B` });

/** byteFormatter in the interface language. */
export function useFormatBytes(): (bytes: number) => string {
  const { i18n } = useTranslation();
  const locale = languageOf(i18n.language).htmlLang;
  return useMemo(() => byteFormatter(locale), [locale]);
}

/**
 * A share of a whole (0 to 1) as a whole percent in `locale`'s way: "42%", my "၄၂%". Rounded down,
 * so 100% is said only when all of it is done. Where the browser has no data for the language,
 * its digits and a plain "%", as byteFormatter writes "B".
 */
export function percentFormatter(locale: string): (fraction: number) => string {
  // A hair over the float error of e.g. 0.29 * 100 = 28.999…, which would floor to 28.
  const whole = (fraction: number) => Math.floor(fraction * 100 + 1e-9);
  if (Intl.NumberFormat.supportedLocalesOf([locale]).length > 0) {
    const format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    return (fraction) => format.format(whole(fraction) / 100);
  }
  const digits = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return (fraction) => `${digits.format(whole(fraction))}%`;
}

/** percentFormatter in the interface language. */
export function useFormatPercent(): (fraction: number) => string {
  const { i18n } = useTranslation();
  const locale = languageOf(i18n.language).htmlLang;
  return useMemo(() => percentFormatter(locale), [locale]);
}

/** Counts (lines screened) in the interface language's digits and grouping. */
export function useFormatCount(): (count: number) => string {
  const { i18n } = useTranslation();
  const locale = languageOf(i18n.language).htmlLang;
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale);
    return (count) => format.format(count);
  }, [locale]);
}
