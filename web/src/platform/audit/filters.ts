import type { AuditFilters } from './api.ts';

// The audit page's filters and page live in the URL, so a view of one record's or one person's
// entries can be linked to and comes back on reload.

const KEYS = ['action', 'recordType', 'recordId', 'actor'] as const;

export function filtersFrom(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

export function paramsFrom(filters: AuditFilters, before?: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of KEYS) {
    const value = filters[key];
    if (value) params[key] = value;
  }
  if (before) params.before = before;
  return params;
}

export const isFiltered = (filters: AuditFilters) => KEYS.some((key) => filters[key] !== undefined);

/** The audit page showing only one record's entries. */
export const recordAuditPath = (recordId: string) => `/audit?recordId=${encodeURIComponent(recordId)}`;
