import { hasAnyRole } from '../platform/roles.ts';

// Who works referrals (src/referrals/policy.ts). The server decides; the UI only hides.
export const REFERRAL_ROLES = ['caseworker', 'referral_focal_point'] as const;
export const mayWorkReferrals = (roles: readonly string[]) => hasAnyRole(roles, REFERRAL_ROLES);
