import { z } from '@hono/zod-openapi';
import { countryCode, name, text } from '../../platform/http/fields.ts';
import { pick } from '../person-schema.ts';
import { namesAField } from './route-kit.ts';

// Request and response shapes of organisations (HTCDS org_): service providers and places.

const fields = {
  type: pick('org_Type').nullish().openapi({ description: 'org_Type' }),
  street: text(500).nullish(),
  city: text(200).nullish(),
  state: text(200).nullish(),
  postalCode: text(40).nullish(),
  country: countryCode.nullish(),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  phone: text(40).nullish(),
};

export const createOrganisationBody = z
  .strictObject({ name: name(300), externalId: text(200).optional(), ...fields })
  .openapi('CreateOrganisation');
export type CreateOrganisationInput = z.infer<typeof createOrganisationBody>;

export const updateOrganisationBody = z
  .strictObject({ name: name(300).optional(), ...fields })
  .refine(...namesAField)
  .openapi('UpdateOrganisation');
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationBody>;

export const organisationsQuery = z.strictObject({
  name: text(300).optional().openapi({ description: 'Part of the name, any case' }),
  type: pick('org_Type').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .uuid()
    .optional()
    .openapi({ description: 'The id of the last organisation of the previous page' }),
});

const str = z.string().nullable();
export const organisationOut = z
  .object({
    id: z.string(),
    externalId: str,
    name: z.string(),
    type: str,
    street: str,
    city: str,
    state: str,
    postalCode: str,
    country: str,
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    phone: str,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Organisation');

export const organisationResult = z.object({ organisation: organisationOut });
export const organisationList = z.object({ organisations: z.array(organisationOut), nextCursor: str });
