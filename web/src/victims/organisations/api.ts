import * as z from 'zod/mini';
import { getJson, sendJson, withQuery } from '../../api.ts';

// The agency's organisations (GET/POST /api/victims/organisations, src/victims/cases): the places
// and providers that HTCDS lookups point to (where a person was recruited or exploited).

const str = z.nullish(z.string());

export const organisation = z.object({ id: z.string(), name: z.string(), city: str, country: str });
export type Organisation = z.infer<typeof organisation>;
const one = z.object({ organisation });
const page = z.object({ organisations: z.array(organisation) });

export const organisationKeys = {
  searches: ['victims', 'organisations', 'search'] as const,
  search: (name: string) => ['victims', 'organisations', 'search', name] as const,
  one: (id: string) => ['victims', 'organisations', 'one', id] as const,
};

/** Up to 20 of the agency's organisations whose name contains `name` (any case). */
export const searchOrganisations = async (name: string): Promise<Organisation[]> =>
  (await getJson(withQuery('/api/victims/organisations', { name, limit: 20 }), page)).organisations;

export const fetchOrganisation = async (id: string): Promise<Organisation> =>
  (await getJson(`/api/victims/organisations/${encodeURIComponent(id)}`, one)).organisation;

export const createOrganisation = async (name: string): Promise<Organisation> =>
  (await sendJson('POST', '/api/victims/organisations', { name }, one)).organisation;

/** How an organisation is shown: its name, then where it is. */
export function organisationLabel(o: Organisation, country: (code: string) => string): string {
  const where = [o.city, o.country && country(o.country)].filter(Boolean).join(', ');
  return where ? `${o.name} (${where})` : o.name;
}
