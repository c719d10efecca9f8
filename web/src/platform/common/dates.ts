// Dates in the interface language, as the browser's Intl formats them; where the browser has no
// data for the language (Debian's chromium has none for Burmese, Khmer or Lao, and Intl then falls
// back to American English: "Nov 25, 2026" beside Burmese text), ISO 8601 digits instead, which
// read the same in every language: 2026-11-25, 2026-11-25 14:03.

export type DateFormat = { time: boolean; timeZone?: string };

const pad = (n: number) => String(n).padStart(2, '0');

export function dateFormatter(locale: string, { time, timeZone }: DateFormat): (date: Date) => string {
  if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0) {
    const format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      ...(time ? { timeStyle: 'short' } : {}),
      ...(timeZone ? { timeZone } : {}),
    });
    return (date) => format.format(date);
  }
  const utc = timeZone === 'UTC';
  return (date) => {
    const [y, m, d] = utc
      ? [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]
      : [date.getFullYear(), date.getMonth() + 1, date.getDate()];
    const day = `${y}-${pad(m)}-${pad(d)}`;
    if (!time) return day;
    const [h, min] = utc ? [date.getUTCHours(), date.getUTCMinutes()] : [date.getHours(), date.getMinutes()];
    return `${day} ${pad(h)}:${pad(min)}`;
  };
}
