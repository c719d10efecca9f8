import { getJson, sendJson, sendNoContent, withQuery } from '../../api.ts';
import { victimsKeys } from '../api.ts';
import { type ItemKind, type ItemStatus, type Plan, planAnswer, planList, timelinePage } from './schema.ts';

// Calls to the case-management routes (src/victims/cases/README.md) and their query keys.

export const caseKeys = {
  all: (caseId: string) => [...victimsKeys.caseManagement, caseId] as const,
  plans: (caseId: string) => ['victims', 'case-management', caseId, 'plans'] as const,
  timeline: (caseId: string, reads: boolean) =>
    ['victims', 'case-management', caseId, 'timeline', reads] as const,
};

const enc = encodeURIComponent;

export const listPlans = async (caseId: string): Promise<Plan[]> =>
  (await getJson(`/api/victims/cases/${enc(caseId)}/support-plans`, planList)).plans;

export type NewPlan = { personId: string; type?: string; objectives?: string; plannedEndDate?: string };

export const createPlan = async (caseId: string, body: NewPlan): Promise<Plan> =>
  (await sendJson('POST', `/api/victims/cases/${enc(caseId)}/support-plans`, body, planAnswer)).plan;

export type NewItem = {
  kind: ItemKind;
  repatriationStep?: string;
  status?: ItemStatus;
  /** A repatriation step that does not apply; the server makes it cancelled. */
  notNeeded?: boolean;
  providerName?: string;
  startDate?: string;
  dueDate?: string;
};

// Item writes answer the item or its plan; the board reads the plans again either way.
export const addItem = (planId: string, body: NewItem) =>
  sendNoContent('POST', `/api/victims/support-plans/${enc(planId)}/items`, body);

export type ItemChange = { status?: ItemStatus; notNeeded?: boolean; endDate?: string | null };

export const changeItem = (itemId: string, change: ItemChange) =>
  sendNoContent('PATCH', `/api/victims/support-plan-items/${enc(itemId)}`, change);

/** Newest first; `reads`: also the audited reads of the case and its persons. */
export const fetchTimeline = (caseId: string, reads: boolean, cursor: string | undefined) =>
  getJson(
    withQuery(`/api/victims/cases/${enc(caseId)}/timeline`, {
      limit: 50,
      cursor,
      reads: reads ? 'true' : undefined,
    }),
    timelinePage,
  );
