import type { FieldIssue } from '../../platform/http/errors.ts';
import { latestToday } from '../rules.ts';
import type { SupportItemStatus } from '../tables.ts';

// Rules across a support-plan item's fields, checked on the item as it will be stored (the request
// over the stored values), so an update cannot make an impossible item either. Pure.

export type ItemFacts = {
  kind: string;
  repatriationStep: string | null;
  status: SupportItemStatus;
  notNeeded: boolean;
  startDate: string | null;
  dueDate: string | null;
  endDate: string | null;
};

const beforeStart = (path: string, startDate: string): FieldIssue => ({
  path,
  code: 'not_before',
  message: `is before the start date ${startDate}`,
  params: { field: 'startDate' },
});

export function itemProblems(f: ItemFacts, now = new Date()): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (f.repatriationStep !== null && f.kind !== 'repatriation') {
    issues.push({
      path: 'repatriationStep',
      code: 'repatriation_only',
      message: 'is only for items of kind repatriation',
    });
  }
  if (f.notNeeded && f.repatriationStep === null) {
    issues.push({
      path: 'notNeeded',
      code: 'repatriation_only',
      message: 'only a repatriation step can be marked not needed',
    });
  }
  if (f.notNeeded && f.status !== 'cancelled') {
    issues.push({
      path: 'status',
      code: 'must_be_cancelled',
      message: 'a step marked not needed is cancelled',
    });
  }
  if (f.startDate !== null && f.endDate !== null && f.endDate < f.startDate) {
    issues.push(beforeStart('endDate', f.startDate));
  }
  if (f.startDate !== null && f.dueDate !== null && f.dueDate < f.startDate) {
    issues.push(beforeStart('dueDate', f.startDate));
  }
  if (f.status === 'done' && f.endDate !== null && f.endDate > latestToday(now)) {
    issues.push({ path: 'endDate', code: 'in_future', message: 'is in the future, but the item is done' });
  }
  return issues;
}
