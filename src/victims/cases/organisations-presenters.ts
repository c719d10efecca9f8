import type { OrganisationRow } from './organisations-repo.ts';

// An organisation as the API shows it (not personal data: providers and places).

export function presentOrganisation(o: OrganisationRow) {
  return {
    id: o.id,
    externalId: o.external_id,
    name: o.name,
    type: o.org_type,
    street: o.shipping_street,
    city: o.shipping_city,
    state: o.shipping_state,
    postalCode: o.shipping_postal_code,
    country: o.shipping_country,
    latitude: o.shipping_latitude,
    longitude: o.shipping_longitude,
    phone: o.phone,
    createdAt: o.created_at.toISOString(),
    updatedAt: o.updated_at.toISOString(),
  };
}
