// The statistics are asked for whole calendar months only (the server refuses other ranges with a
// 422; src/victims/statistics/README.md, "Differencing"): a month picked is turned into its first
// or last day here.

/** A calendar month: `month` 1–12. */
export type Month = { year: number; month: number };

const two = (n: number) => String(n).padStart(2, '0');

/** The month's first day, YYYY-MM-DD. */
export const monthStart = ({ year, month }: Month): string => `${year}-${two(month)}-01`;

/** The month's last day, YYYY-MM-DD (28 to 31 days, leap years counted). */
export function monthEnd({ year, month }: Month): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${two(month)}-${two(last)}`;
}

/** The years offered, newest first: this year back to 1990. */
export function yearsOffered(today: Date): number[] {
  const years: number[] = [];
  for (let y = today.getUTCFullYear(); y >= 1990; y--) years.push(y);
  return years;
}

/** The range asked for: either end may be open; null when the end comes before the start. */
export function rangeOf(from: Month | null, to: Month | null): { from?: string; to?: string } | null {
  if (from && to && from.year * 12 + from.month > to.year * 12 + to.month) return null;
  return { ...(from && { from: monthStart(from) }), ...(to && { to: monthEnd(to) }) };
}
