import { z } from '@hono/zod-openapi';
import { text } from '../../platform/http/fields.ts';
import { isoDate, pick } from '../person-schema.ts';
import { latestToday } from '../rules.ts';
import { personRef } from './plans-schema.ts';
import { namesAField } from './route-kit.ts';

// Request and response shapes of trafficking events (HTCDS hte_: recruitment, transit, exploitation).

const eventFields = {
  type: pick('hte_Type').nullish().openapi({ description: 'hte_Type' }),
  date: isoDate.refine((d) => d <= latestToday(), 'is in the future').nullish(),
  street: text(500).nullish(),
  city: text(200).nullish(),
  state: text(200).nullish(),
  postalCode: text(40).nullish(),
  country: text(200).nullish().openapi({ description: 'hte_Country (text in HTCDS 2.0)' }),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  description: text(8000).nullish().openapi({ description: 'hte_Description (encrypted)' }),
};

export const createEventBody = z
  .strictObject({ personId: z.uuid(), externalId: text(200).optional(), ...eventFields })
  .openapi('CreateTraffickingEvent');
export type CreateEventInput = z.infer<typeof createEventBody>;

export const updateEventBody = z
  .strictObject(eventFields)
  .refine(...namesAField)
  .openapi('UpdateTraffickingEvent');
export type UpdateEventInput = z.infer<typeof updateEventBody>;

const str = z.string().nullable();
export const eventOut = z
  .object({
    id: z.string(),
    caseId: z.string(),
    person: personRef,
    externalId: str,
    type: str,
    date: str,
    street: str,
    city: str,
    state: str,
    postalCode: str,
    country: str,
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    description: str,
    descriptionStatus: z.enum(['shown', 'withheld', 'tampered']),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('TraffickingEvent');

export const eventResult = z.object({ event: eventOut });
export const eventList = z.object({ events: z.array(eventOut) });
