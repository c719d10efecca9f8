import { definePolicy } from '../../platform/http/policy.ts';

// Consent serves the people who protect and refer victims. Caseworkers and referral focal points
// record, withdraw and read consents (with who witnessed, interpreted or gave them). Investigators
// may ask the sharing decision, which names no one. Researchers, analysts and administrators
// have no consent route.
export const consentPolicy = definePolicy({
  'victims.consent.record': { roles: ['caseworker', 'referral_focal_point'] },
  'victims.consent.withdraw': { roles: ['caseworker', 'referral_focal_point'] },
  'victims.consent.read': { roles: ['caseworker', 'referral_focal_point'] },
  'victims.consent.decide': { roles: ['caseworker', 'referral_focal_point', 'investigator'] },
});
