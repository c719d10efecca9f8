import { z } from '@hono/zod-openapi';
import { text, uuid } from '../platform/http/fields.ts';
import { REPATRIATION_STEPS } from '../victims/cases/repatriation.ts';
import { REFERRAL_REASONS, REFERRAL_STATUSES, STEP_STATUSES } from './tables.ts';

// Request schemas of /api/referrals (responses are shaped by presenters.ts).

export const createReferralBody = z.strictObject({
  personId: uuid,
  caseId: uuid.optional(),
  /** The peer node (its id) of the country the person is referred to. */
  peerId: uuid,
  /** The agency there, as named in the person's consent (a consent naming no agency covers any). */
  receivingAgency: text(200),
  /** HTCDS 2.0 cas_ReasonForOutgoingReferral */
  reason: z.enum(REFERRAL_REASONS),
  /** HTCDS 2.0 cas_OutgoingReferralDetails: travels only if consent allows case_history. */
  details: text(20_000).optional(),
});
export type CreateReferralInput = z.infer<typeof createReferralBody>;

export const decisionBody = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept'), note: text(2000).optional() }),
  z.strictObject({ decision: z.literal('decline'), reason: text(2000) }),
]);
export type DecisionInput = z.infer<typeof decisionBody>;

export const statusInputBody = z.discriminatedUnion('event', [
  z.strictObject({
    event: z.literal('step'),
    step: z.enum(REPATRIATION_STEPS),
    stepStatus: z.enum(STEP_STATUSES),
    note: text(2000).optional(),
  }),
  z.strictObject({ event: z.literal('reintegration'), note: text(2000) }),
  z.strictObject({ event: z.literal('completed'), note: text(2000).optional() }),
  z.strictObject({ event: z.literal('closed'), note: text(2000) }),
]);
export type StatusInput = z.infer<typeof statusInputBody>;

export const listQuery = z.strictObject({
  direction: z.enum(['outgoing', 'incoming']),
  status: z.enum(REFERRAL_STATUSES).optional(),
  personId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
