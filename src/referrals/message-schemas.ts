import { z } from 'zod';
import { rule } from '../platform/http/fields.ts';
import { REPATRIATION_STEPS } from '../victims/cases/repatriation.ts';
import { CATEGORIES } from '../victims/consent/types.ts';
import { REFERRAL_REASONS, STEP_STATUSES } from './tables.ts';

// The bodies of the referral message types, version 1 (issue 5 §4). What a peer sends is parsed
// here before any handler runs; a body that does not fit is refused by the inbox with the path named.

const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !s.includes('\u0000'), rule('nul_character', 'must not contain U+0000'));
const nullableText = (max: number) => text(max).nullable();
const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');
const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();

/** Who acted on the other node: a display name and agency, never a username or secret. */
export const byBody = z.strictObject({ name: text(200), agency: text(200) });

export const identitySection = z.strictObject({
  salutation: nullableText(100),
  firstName: nullableText(200),
  middleName: nullableText(200),
  secondName: nullableText(200),
  birthdate: day.nullable(),
  identityNumber: nullableText(100),
  email: nullableText(320),
  homePhone: nullableText(50),
  mobilePhone: nullableText(50),
  mailingStreet: nullableText(300),
  mailingCity: nullableText(200),
  mailingState: nullableText(200),
  mailingPostalCode: nullableText(50),
  mailingCountry: country.nullable(),
  gender: nullableText(100),
  citizenship: z.array(country).max(10),
  primaryLanguage: nullableText(20),
  ageAtRegistration: z.number().int().min(0).max(130).nullable(),
});
export type IdentitySection = z.infer<typeof identitySection>;

export const assessmentSection = z.strictObject({
  assessmentId: z.uuid(),
  decision: z.enum(['presumed_victim', 'victim', 'not_victim', 'needs_more_information']),
  nonPunishment: z.boolean(),
  indicators: z.array(z.strictObject({ setId: text(100), indicatorId: text(100) })).max(500),
  outcomesMet: z.array(z.strictObject({ setId: text(100), outcomeId: text(100) })).max(100),
  setVersions: z.array(z.strictObject({ id: text(100), version: text(100) })).max(50),
  decidingOrganisation: text(200),
  assessedBy: text(200),
  assessedAt: instant,
});
export type AssessmentSection = z.infer<typeof assessmentSection>;

const supportItem = z.strictObject({
  kind: text(50),
  status: text(50),
  repatriationStep: z.enum(REPATRIATION_STEPS).nullable(),
  startDate: day.nullable(),
  endDate: day.nullable(),
});
export type SupportItemSection = z.infer<typeof supportItem>;

export const healthSection = z.strictObject({ supports: z.array(supportItem).max(200) });
export type HealthSection = z.infer<typeof healthSection>;

export const caseHistorySection = z.strictObject({
  cases: z.array(z.strictObject({ status: text(50), openedOn: day })).max(50),
  typeOfExploitation: z.array(text(100)).max(20),
  supports: z.array(supportItem).max(200),
  details: nullableText(20_000),
});
export type CaseHistorySection = z.infer<typeof caseHistorySection>;

export const offerBody = z.strictObject({
  referralId: z.uuid(),
  sendingAgency: text(200),
  sendingCountry: country,
  receivingAgency: text(200),
  receivingCountry: country,
  reason: z.enum(REFERRAL_REASONS),
  sentAt: instant,
  by: byBody,
  /** The consents the sending node relied on for the sections below. */
  consentIds: z.array(z.uuid()).max(20),
  categories: z.array(z.enum(CATEGORIES)).max(4),
  identity: identitySection.optional(),
  assessment: assessmentSection.optional(),
  health: healthSection.optional(),
  caseHistory: caseHistorySection.optional(),
});
export type OfferBody = z.infer<typeof offerBody>;

export const acceptBody = z.strictObject({
  referralId: z.uuid(),
  at: instant,
  by: byBody,
  note: text(2000).optional(),
});
export type AcceptBody = z.infer<typeof acceptBody>;

export const declineBody = z.strictObject({
  referralId: z.uuid(),
  at: instant,
  by: byBody,
  reason: text(2000),
});
export type DeclineBody = z.infer<typeof declineBody>;

const statusCommon = { referralId: z.uuid(), at: instant, by: byBody.optional() };
export const statusBody = z.discriminatedUnion('event', [
  z.strictObject({ ...statusCommon, event: z.literal('received') }),
  z.strictObject({
    ...statusCommon,
    event: z.literal('step'),
    step: z.enum(REPATRIATION_STEPS),
    stepStatus: z.enum(STEP_STATUSES),
    note: text(2000).optional(),
  }),
  z.strictObject({ ...statusCommon, event: z.literal('reintegration'), note: text(2000) }),
  z.strictObject({ ...statusCommon, event: z.literal('completed'), note: text(2000).optional() }),
  z.strictObject({ ...statusCommon, event: z.literal('closed'), note: text(2000) }),
  z.strictObject({ ...statusCommon, event: z.literal('purged') }),
]);
export type StatusBody = z.infer<typeof statusBody>;

export const withdrawBody = z.strictObject({
  referralId: z.uuid(),
  at: instant,
  consentIds: z.array(z.uuid()).min(1).max(20),
});
export type WithdrawBody = z.infer<typeof withdrawBody>;

export const assessmentShareBody = z.strictObject({ referralId: z.uuid(), assessment: assessmentSection });
export type AssessmentShareBody = z.infer<typeof assessmentShareBody>;

export const receiptBody = z.strictObject({
  referralId: z.uuid(),
  receiptId: z.uuid(),
  reader: byBody,
  openedAt: instant,
});
export type ReceiptBody = z.infer<typeof receiptBody>;

export const MESSAGE_TYPES = {
  offer: 'referral.offer',
  accept: 'referral.accept',
  decline: 'referral.decline',
  status: 'referral.status',
  withdraw: 'referral.withdraw',
  assessment: 'assessment.share',
  receipt: 'access.receipt',
} as const;
export const MESSAGE_VERSION = 1;
