import * as z from 'zod/mini';

// The answers of /api/referrals (src/referrals/presenters.ts), parsed at the edge.

export const STATUSES = [
  'draft',
  'sent',
  'undelivered',
  'received',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'closed',
  'withdrawn',
] as const;
export const REASONS = ['AdditionalServicesRequired', 'MigrationOrChangeOfLocation', 'Other'] as const;
export const STEPS = [
  'nationality_verification',
  'travel_document',
  'family_assessment',
  'travel_arrangements',
  'border_handover',
  'reception_in_origin',
] as const;
export const STEP_STATUSES = ['planned', 'in_progress', 'done', 'not_needed'] as const;
export const CATEGORIES = ['identity', 'assessment', 'health', 'case_history'] as const;
export const EVENT_KINDS = [
  'created',
  'sent',
  'received',
  'accepted',
  'declined',
  'step',
  'reintegration',
  'completed',
  'closed',
  'withdrawn',
  'purged',
  'purge_confirmed',
  'assessment_shared',
  'undelivered',
  'delivery_failed',
] as const;
export const REFUSALS = [
  'no_consent',
  'wrong_purpose',
  'wrong_category',
  'wrong_recipient',
  'not_consented',
  'child_without_guardian_consent',
  'given_while_child',
  'giver_not_entitled',
  'not_yet_valid',
  'withdrawn',
  'expired',
  'nothing_to_share',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const DECISIONS = ['presumed_victim', 'victim', 'not_victim', 'needs_more_information'] as const;

const time = z.nullable(z.string());
const sla = z.object({
  ackDueAt: time,
  decisionDueAt: time,
  overdue: z.nullable(z.enum(['acknowledgement', 'decision'])),
  ackLate: z.boolean(),
  decisionLate: z.boolean(),
});

export const summarySchema = z.object({
  id: z.string(),
  direction: z.enum(['outgoing', 'incoming']),
  status: z.enum(STATUSES),
  peerId: z.string(),
  peerCountry: z.string(),
  personId: z.nullable(z.string()),
  caseId: z.nullable(z.string()),
  sendingAgency: z.string(),
  sendingCountry: z.string(),
  receivingAgency: z.string(),
  receivingCountry: z.string(),
  reason: z.nullable(z.enum(REASONS)),
  categoriesShared: z.array(z.enum(CATEGORIES)),
  sentAt: time,
  receivedAt: time,
  decidedAt: time,
  purgedAt: time,
  purgeConfirmedAt: time,
  /** When the offer was given up on, and why: the receiving node's error code, or 'expired'. */
  undeliveredAt: time,
  undeliveredReason: z.nullable(z.string()),
  createdAt: z.string(),
  sla,
});
export type ReferralSummary = z.infer<typeof summarySchema>;

const eventSchema = z.object({
  id: z.string(),
  kind: z.enum(EVENT_KINDS),
  status: z.string(),
  step: z.nullable(z.enum(STEPS)),
  stepStatus: z.nullable(z.enum(STEP_STATUSES)),
  actor: z.string(),
  nodeCountry: z.string(),
  at: z.string(),
  note: z.nullable(z.string()),
  noteStatus: z.enum(['none', 'shown', 'tampered']),
});
export type ReferralEvent = z.infer<typeof eventSchema>;

export const referralSchema = z.extend(summarySchema, {
  categoriesRefused: z.array(
    z.object({ category: z.enum(CATEGORIES), reason: z.string(), message: z.string() }),
  ),
  timeline: z.array(eventSchema),
  receipts: z.array(
    z.object({ id: z.string(), readerName: z.string(), readerAgency: z.string(), openedAt: z.string() }),
  ),
  preview: z.nullable(
    z.array(
      z.object({
        category: z.enum(CATEGORIES),
        allowed: z.boolean(),
        reason: z.string(),
        message: z.string(),
      }),
    ),
  ),
});
export type Referral = z.infer<typeof referralSchema>;

const text = z.nullable(z.string());
export const sharedSchema = z.object({
  purged: z.boolean(),
  identity: z.nullable(
    z.object({
      firstName: text,
      middleName: text,
      secondName: text,
      birthdate: text,
      identityNumber: text,
      gender: text,
      citizenship: z.array(z.string()),
      primaryLanguage: text,
      mobilePhone: text,
      mailingCity: text,
      mailingCountry: text,
    }),
  ),
  assessment: z.nullable(
    z.object({
      decision: z.enum(DECISIONS),
      nonPunishment: z.boolean(),
      indicators: z.array(z.object({ setId: z.string(), indicatorId: z.string() })),
      decidingOrganisation: z.string(),
      assessedBy: z.string(),
      assessedAt: z.string(),
    }),
  ),
  health: z.nullable(
    z.object({
      supports: z.array(
        z.object({ kind: z.string(), status: z.string(), startDate: z.nullable(z.string()) }),
      ),
    }),
  ),
  caseHistory: z.nullable(
    z.object({
      cases: z.array(z.object({ status: z.string(), openedOn: z.string() })),
      typeOfExploitation: z.array(z.string()),
      details: text,
    }),
  ),
  tampered: z.array(z.string()),
});
export type Shared = z.infer<typeof sharedSchema>;

export const listAnswer = z.object({ referrals: z.array(summarySchema) });
export const oneAnswer = z.object({ referral: referralSchema });
export const sharedAnswer = z.object({ shared: sharedSchema });
export const recipientsAnswer = z.object({
  recipients: z.array(z.object({ peerId: z.string(), country: z.string(), name: z.string() })),
});
const agency = z.object({ id: z.string(), name: z.string() });
/** A peer's agencies, asked of its node; or why they could not be had (the name is then typed). */
export const agenciesAnswer = z.union([
  z.object({
    peerId: z.string(),
    country: z.string(),
    available: z.literal(true),
    agencies: z.array(agency),
    fetchedAt: z.string(),
  }),
  z.object({
    peerId: z.string(),
    country: z.string(),
    available: z.literal(false),
    reason: z.string(),
    message: z.string(),
  }),
]);
export type RecipientAgencies = z.infer<typeof agenciesAnswer>;
