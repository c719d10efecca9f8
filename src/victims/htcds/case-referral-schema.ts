import { z } from '@hono/zod-openapi';
import { rule, text, uuid } from '../../platform/http/fields.ts';
import { isoDate, pick } from '../person-schema.ts';
import { latestToday } from '../rules.ts';

// The HTCDS 2.0 Referral Details of a case (cas_ referral fields), as a form sets them. The
// organisations are ids of the agency's own (the Organisations API); the primary case workers are
// names of people, kept encrypted. A PUT sets the whole set: a field left out is cleared.

const notFuture = isoDate.refine((d) => d <= latestToday(), rule('in_future', 'is in the future'));
const orgId = uuid.nullish().openapi({ description: "One of your agency's organisations" });

export const referralDetailsBody = z
  .strictObject({
    referringOrganisationId: orgId,
    incomingReferralDate: notFuture.nullish(),
    referringPrimaryCaseWorker: text(200).nullish(),
    reasonForIncomingReferral: pick('cas_ReasonForIncomingReferral').nullish(),
    incomingReferralDetails: text(4000).nullish(),
    referredOrganisationId: orgId,
    referredPrimaryCaseWorker: text(200).nullish(),
    reasonForOutgoingReferral: pick('cas_ReasonForOutgoingReferral').nullish(),
    outgoingReferralDate: notFuture.nullish(),
    outgoingReferralDetails: text(4000).nullish(),
  })
  .openapi('CaseReferralDetailsInput');
export type ReferralDetailsInput = z.infer<typeof referralDetailsBody>;

/** The fields sealed at rest, shown to caseworkers and referral focal points only. */
export const SEALED_REFERRAL_FIELDS = [
  'referringPrimaryCaseWorker',
  'incomingReferralDetails',
  'referredPrimaryCaseWorker',
  'outgoingReferralDetails',
] as const;
export type SealedReferralField = (typeof SEALED_REFERRAL_FIELDS)[number];

const str = z.string().nullable();
const hidden = str.optional().openapi({ description: 'Caseworkers and referral focal points only' });
export const referralDetailsOut = z
  .object({
    caseId: z.string(),
    referringOrganisationId: str,
    incomingReferralDate: str,
    referringPrimaryCaseWorker: hidden,
    reasonForIncomingReferral: str,
    incomingReferralDetails: hidden,
    referredOrganisationId: str,
    referredPrimaryCaseWorker: hidden,
    reasonForOutgoingReferral: str,
    outgoingReferralDate: str,
    outgoingReferralDetails: hidden,
    updatedAt: str,
    integrity: z
      .object({ status: z.enum(['ok', 'tampered']), tamperedFields: z.array(z.string()) })
      .optional(),
  })
  .openapi('CaseReferralDetails');
export const referralDetailsResult = z.object({ referralDetails: referralDetailsOut });
