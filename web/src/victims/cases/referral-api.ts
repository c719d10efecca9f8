import * as z from 'zod/mini';
import { getJson, sendJson } from '../../api.ts';
import { caseKeys } from './api.ts';

// A case's HTCDS Referral Details (GET/PUT /api/victims/cases/{id}/referral-details). The sealed
// fields come only to caseworkers and referral focal points; `integrity` names any that failed.

const str = z.nullish(z.string());
export const referralDetails = z.object({
  caseId: z.string(),
  referringOrganisationId: str,
  incomingReferralDate: str,
  referringPrimaryCaseWorker: str,
  reasonForIncomingReferral: str,
  incomingReferralDetails: str,
  referredOrganisationId: str,
  referredPrimaryCaseWorker: str,
  reasonForOutgoingReferral: str,
  outgoingReferralDate: str,
  outgoingReferralDetails: str,
  updatedAt: str,
  integrity: z.optional(z.object({ status: z.string(), tamperedFields: z.array(z.string()) })),
});
export type ReferralDetails = z.infer<typeof referralDetails>;
export type ReferralDetailsInput = Partial<Omit<ReferralDetails, 'caseId' | 'updatedAt' | 'integrity'>>;

const answer = z.object({ referralDetails });
const path = (caseId: string) => `/api/victims/cases/${encodeURIComponent(caseId)}/referral-details`;

export const referralKey = (caseId: string) => [...caseKeys.all(caseId), 'referral'] as const;

export const fetchReferralDetails = async (caseId: string) =>
  (await getJson(path(caseId), answer)).referralDetails;

export const saveReferralDetails = async (caseId: string, body: ReferralDetailsInput) =>
  (await sendJson('PUT', path(caseId), body, answer)).referralDetails;
