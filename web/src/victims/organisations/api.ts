import * as z from 'zod/mini';
import { getJson, sendJson, withQuery } from '../../api.ts';

// The agency's organisations (GET/POST/PATCH /api/victims/organisations, src/victims/cases): the
// places and service providers (HTCDS org_) that lookups point to, such as where a person was
// recruited or exploited.

const str = z.nullish(z.string());

export const organisation = z.object({
  id: z.string(),
  name: z.string(),
  type: str,
  street: str,
  city: str,
  state: str,
  postalCode: str,
  country: str,
  phone: str,
});
export type Organisation = z.infer<typeof organisation>;
const one = z.object({ organisation });
const page = z.object({ organisations: z.array(organisation), nextCursor: str });
export type OrganisationPage = z.infer<typeof page>;

/** What the form sends: a name, and the other fields (null clears one when editing). */
export type OrganisationFields = {
  name: string;
} & Partial<Record<'type' | 'street' | 'city' | 'state' | 'postalCode' | 'country' | 'phone', string | null>>;

export const organisationKeys = {
  all: ['victims', 'organisations'] as const,
  searches: ['victims', 'organisations', 'search'] as const,
  search: (name: string) => ['victims', 'organisations', 'search', name] as const,
  list: (name: string) => ['victims', 'organisations', 'list', name] as const,
  one: (id: string) => ['victims', 'organisations', 'one', id] as const,
};

const PATH = '/api/victims/organisations';

/** Up to 20 of the agency's organisations whose name contains `name` (any case). */
export const searchOrganisations = async (name: string): Promise<Organisation[]> =>
  (await getJson(withQuery(PATH, { name, limit: 20 }), page)).organisations;

/** A page of the agency's organisations by name, optionally those whose name contains `name`. */
export const listOrganisations = (name: string, cursor: string | undefined): Promise<OrganisationPage> =>
  getJson(withQuery(PATH, { name: name || undefined, cursor, limit: 50 }), page);

export const fetchOrganisation = async (id: string): Promise<Organisation> =>
  (await getJson(`${PATH}/${encodeURIComponent(id)}`, one)).organisation;

export const createOrganisation = async (fields: OrganisationFields): Promise<Organisation> =>
  (await sendJson('POST', PATH, fields, one)).organisation;

export const updateOrganisation = async (id: string, fields: OrganisationFields): Promise<Organisation> =>
  (await sendJson('PATCH', `${PATH}/${encodeURIComponent(id)}`, fields, one)).organisation;

/** How an organisation is shown: its name, then where it is. */
export function organisationLabel(o: Organisation, country: (code: string) => string): string {
  const where = [o.city, o.country && country(o.country)].filter(Boolean).join(', ');
  return where ? `${o.name} (${where})` : o.name;
}
