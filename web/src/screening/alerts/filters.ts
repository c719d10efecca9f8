import type { AlertFilters } from '../api.ts';
import { type AlertStatus, alertStatuses, type RiskLevel, riskLevels } from '../schema.ts';

// The alert queue's filters and page live in the URL, so a reviewer comes back to the same view.

export const asStatus = (value: string | null): AlertStatus | undefined =>
  alertStatuses.find((status) => status === value);

export const asLevel = (value: string | null): RiskLevel | undefined =>
  riskLevels.find((level) => level === value);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A batch id from the URL; anything else is ignored rather than sent. */
export const asBatchId = (value: string | null): string | undefined =>
  value && UUID.test(value) ? value : undefined;

/** The alert queue showing only the alerts of one batch upload. */
export const batchAlertsPath = (batchId: string) => `/screening/alerts?batch=${encodeURIComponent(batchId)}`;

export function filtersFrom(params: URLSearchParams): AlertFilters {
  return {
    status: asStatus(params.get('status')),
    level: asLevel(params.get('level')),
    lang: params.get('lang') || undefined,
    mine: params.get('mine') === '1' || undefined,
    batch: asBatchId(params.get('batch')),
    q: params.get('q') || undefined,
  };
}

export function paramsFrom(filters: AlertFilters, before?: string): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.status) params.status = filters.status;
  if (filters.level) params.level = filters.level;
  if (filters.lang) params.lang = filters.lang;
  if (filters.mine) params.mine = '1';
  if (filters.batch) params.batch = filters.batch;
  if (filters.q) params.q = filters.q;
  if (before) params.before = before;
  return params;
}
