import type { EventRow } from './events-repo.ts';
import { type Narrative, narrativeValue } from './narrative.ts';
import { type PersonRefs, presentPersonRef } from './person-refs.ts';

export type ViewedEvent = { row: EventRow; description: Narrative };

export function presentEvent(e: ViewedEvent, persons: PersonRefs) {
  return {
    id: e.row.id,
    caseId: e.row.case_id ?? '',
    person: presentPersonRef(persons, e.row.person_id),
    externalId: e.row.external_id,
    type: e.row.type,
    date: e.row.event_date,
    street: e.row.street,
    city: e.row.city,
    state: e.row.state,
    postalCode: e.row.postal_code,
    country: e.row.country,
    latitude: e.row.latitude,
    longitude: e.row.longitude,
    description: narrativeValue(e.description),
    descriptionStatus: e.description.status,
    createdAt: e.row.created_at.toISOString(),
    updatedAt: e.row.updated_at.toISOString(),
  };
}
