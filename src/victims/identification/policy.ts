import type { Role } from '../../platform/auth/roles.ts';
import { definePolicy } from '../../platform/http/policy.ts';

// Identification is done by the people who meet the person: caseworkers, investigators (police at
// rescues and borders) and referral focal points. Researchers, analysts and administrators have
// no identification route; researchers see aggregates only (insights).
export const identificationPolicy = definePolicy({
  'victims.identification.sets.read': { roles: ['caseworker', 'investigator', 'referral_focal_point'] },
  'victims.identification.assess': { roles: ['caseworker', 'investigator', 'referral_focal_point'] },
  'victims.identification.read': { roles: ['caseworker', 'investigator', 'referral_focal_point'] },
});

/**
 * The rationale and notes may retell what happened to the person: caseworkers and referral focal
 * points read them, and so does the officer who wrote them; other investigators see the decision.
 */
export const mayReadNarrative = (roles: readonly Role[], userId: string, recordedBy: string) =>
  roles.includes('caseworker') || roles.includes('referral_focal_point') || userId === recordedBy;
