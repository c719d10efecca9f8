import type { Role } from '../../platform/auth/roles.ts';
import { definePolicy } from '../../platform/http/policy.ts';

// An export is a read of every person and case of the agency: the roles that may read persons may
// export, and each gets the view the victims policy gives them (caseworkers identities and
// narratives, others pseudonyms). An import writes identities: caseworkers only. Researchers have
// neither (aggregates belong to insights).
export const htcdsPolicy = definePolicy({
  'victims.htcds.export': { roles: ['caseworker', 'investigator', 'analyst', 'referral_focal_point'] },
  'victims.htcds.import': { roles: ['caseworker'] },
});

/** Whether these roles pass a rule (for the CLI, which acts as a named user without a session). */
export const rolesAllow = (rule: { roles: readonly Role[] }, roles: readonly string[]) =>
  rule.roles.some((r) => roles.includes(r));
