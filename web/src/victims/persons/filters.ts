import type { PersonSummary } from '../schema.ts';

// Search and filters of the persons list, kept in the query string so a search can be bookmarked
// and the back button returns to it. The name is searched by the server (fuzzy, pg_trgm, caseworkers
// only); the other filters narrow the persons loaded so far, page by page.

export type PersonFilters = {
  name?: string;
  role?: 'victim' | 'perpetrator';
  gender?: string;
  exploitation?: string;
  status?: string;
  citizenship?: string;
};

const keys = ['name', 'gender', 'exploitation', 'status', 'citizenship'] as const;

export function filtersFrom(params: URLSearchParams): PersonFilters {
  const filters: PersonFilters = {};
  for (const key of keys) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const role = params.get('role');
  if (role === 'victim' || role === 'perpetrator') filters.role = role;
  return filters;
}

export function paramsFrom(filters: PersonFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return params;
}

/** Whether a person passes the filters the server does not apply (all but the name). */
export function matches(person: PersonSummary, filters: PersonFilters): boolean {
  if (filters.role === 'victim' && !person.isVictim) return false;
  if (filters.role === 'perpetrator' && !person.isPerpetrator) return false;
  if (filters.gender && person.gender !== filters.gender) return false;
  if (filters.exploitation && !person.typeOfExploitation.includes(filters.exploitation)) return false;
  if (filters.status && person.traffickingStatus !== filters.status) return false;
  if (filters.citizenship && !person.citizenship.includes(filters.citizenship)) return false;
  return true;
}

/** Whether any filter beyond the name is set (the list then says how many of the loaded it shows). */
export const narrows = (filters: PersonFilters) =>
  Boolean(filters.role || filters.gender || filters.exploitation || filters.status || filters.citizenship);
