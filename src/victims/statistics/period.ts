import { type FieldIssue, HttpError } from '../../platform/http/errors.ts';
import type { StatisticsQuery } from './schema.ts';

// Ranges run over whole calendar months: `from` on a month's first day, `to` on a month's last, so
// two ranges differ by at least a month of registrations and never by a day (README, "Differencing").

/** The last day of the month `day` falls in, YYYY-MM-DD. */
export function monthEnd(day: string): string {
  const [year, month] = day.split('-').map(Number);
  const last = new Date(Date.UTC(year ?? 1970, month ?? 1, 0)).getUTCDate();
  return `${day.slice(0, 8)}${String(last).padStart(2, '0')}`;
}

export function wholeMonthIssues(query: StatisticsQuery): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (query.from && !query.from.endsWith('-01')) {
    issues.push({ path: 'from', message: 'must be the first day of a month', code: 'month_start' });
  }
  if (query.to && query.to !== monthEnd(query.to)) {
    issues.push({ path: 'to', message: 'must be the last day of a month', code: 'month_end' });
  }
  return issues;
}

/** Refuses, naming the field, a range that does not start and end on whole months. */
export function requireWholeMonths(query: StatisticsQuery): void {
  const issues = wholeMonthIssues(query);
  if (issues.length === 0) return;
  throw new HttpError(
    422,
    'range_not_whole_months',
    'Statistics are given only for whole calendar months: from a first day of a month to a last day of a month.',
    issues,
  );
}
