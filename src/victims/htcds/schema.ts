import { z } from '@hono/zod-openapi';
import { countryCode, rule, text } from '../../platform/http/fields.ts';
import { CASE_PERSON_ROLES, CASE_STATUSES } from '../case-schema.ts';
import {
  E164,
  identityInput,
  isoDate,
  normalisePhone,
  perpetratorInput,
  pick,
  profileInput,
  victimInput,
} from '../person-schema.ts';
import { latestToday } from '../rules.ts';
import type { Part } from './fields.ts';

// The value shapes of a row's parts. Person parts are the person API's own shapes (one set of rules
// for a form and a file); the others follow the tables' limits. Every value may be null (empty).

const notFuture = isoDate.refine((d) => d <= latestToday(), rule('in_future', 'is in the future'));
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
/** An organisation named in a lookup (HTCDS lookups are names in a flat file, as in IOM's XLSForm). */
const orgName = text(200);
const phone = text(40).refine(
  (v) => E164.test(normalisePhone(v)),
  rule('phone_e164', 'must be a phone number in E.164 form: + country code and number, at most 15 digits'),
);

export const PART_SHAPES = {
  identity: identityInput,
  profile: profileInput,
  person: z.strictObject({
    externalId: text(200).nullish(),
    registeredOn: notFuture.nullish(),
    conConsent: z.boolean().nullish(),
  }),
  victim: victimInput.extend({
    locationOfRecruitment: orgName.nullish(),
    locationOfExploitation: orgName.nullish(),
  }),
  perpetrator: perpetratorInput.extend({ organisation: orgName.nullish() }),
  organisation: z.strictObject({
    name: orgName.nullish(),
    shippingCity: text(200).nullish(),
    shippingCountry: countryCode.nullish(),
    shippingState: text(200).nullish(),
    shippingStreet: text(500).nullish(),
    shippingPostalCode: text(40).nullish(),
    shippingLongitude: longitude.nullish(),
    shippingLatitude: latitude.nullish(),
    phone: phone.nullish(),
    type: pick('org_Type').nullish(),
  }),
  case: z.strictObject({
    externalId: text(200).nullish(),
    htcdsStatus: pick('cas_Status').nullish(),
    closeReason: text(4000).nullish(),
    owner: text(100).nullish(),
    status: z.enum(CASE_STATUSES).nullish(),
    openedOn: notFuture.nullish(),
  }),
  link: z.strictObject({ role: z.enum(CASE_PERSON_ROLES).nullish() }),
  referral: z.strictObject({
    referringOrganisation: orgName.nullish(),
    incomingReferralDate: isoDate.nullish(),
    referringPrimaryCaseWorker: text(200).nullish(),
    reasonForIncomingReferral: pick('cas_ReasonForIncomingReferral').nullish(),
    incomingReferralDetails: text(4000).nullish(),
    referredOrganisation: orgName.nullish(),
    referredPrimaryCaseWorker: text(200).nullish(),
    reasonForOutgoingReferral: pick('cas_ReasonForOutgoingReferral').nullish(),
    outgoingReferralDate: isoDate.nullish(),
    outgoingReferralDetails: text(4000).nullish(),
  }),
  comment: z.strictObject({ body: text(4000).nullish() }),
  event: z.strictObject({
    longitude: longitude.nullish(),
    latitude: latitude.nullish(),
    city: text(200).nullish(),
    country: text(200).nullish(),
    state: text(200).nullish(),
    street: text(500).nullish(),
    postalCode: text(40).nullish(),
    date: isoDate.nullish(),
    type: pick('hte_Type').nullish(),
    description: text(4000).nullish(),
  }),
  plan: z.strictObject({
    objectives: text(4000).nullish(),
    actionPlan: text(4000).nullish(),
    plannedEndDate: isoDate.nullish(),
    actualEndDate: isoDate.nullish(),
    type: pick('spl_Type').nullish(),
  }),
  item: z.strictObject({
    kind: pick('jar_SupportItemKind').nullish(),
    repatriationStep: pick('jar_RepatriationStep').nullish(),
    status: pick('jar_SupportItemStatus').nullish(),
    provider: text(200).nullish(),
    startDate: isoDate.nullish(),
    dueDate: isoDate.nullish(),
    endDate: isoDate.nullish(),
  }),
} as const satisfies Record<Part, z.ZodType>;

export type PartValues = { [P in Part]: z.infer<(typeof PART_SHAPES)[P]> };

/** Query of the export route. */
export const exportQuery = z.strictObject({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  recipientCountry: countryCode.optional().openapi({
    description: 'For a file that leaves the node: only persons whose consent covers this recipient',
  }),
  recipientAgency: text(200).optional(),
  purpose: z.enum(['information_sharing', 'referral', 'research']).optional(),
});

/** Query of the import route. */
export const importQuery = z.strictObject({
  format: z.enum(['csv', 'xlsx']).optional().openapi({ description: 'Default: from the content type' }),
  partial: z.enum(['true', 'false']).default('false').openapi({
    description: 'true: write the rows without errors (and skip every row of a person or case that has one)',
  }),
  name: text(200).optional().openapi({ description: "The file's name, for the audit log" }),
});
