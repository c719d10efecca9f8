import { definePolicy } from '../platform/http/policy.ts';

// Referrals are worked by caseworkers and referral focal points: they draft and send, accept or
// decline, record steps, and read what was shared. Administrators, investigators, analysts,
// central authorities and researchers have no referral route (none reads a victim's shared data).
export const referralPolicy = definePolicy({
  'referrals.read': { roles: ['caseworker', 'referral_focal_point'] },
  'referrals.write': { roles: ['caseworker', 'referral_focal_point'] },
  'referrals.read_shared': { roles: ['caseworker', 'referral_focal_point'] },
});
