import { definePolicy } from '../../platform/http/policy.ts';

// Aggregates name no one: every role that works with victims may read them, and researchers, who
// have no person or case route, see only these.
export const statisticsPolicy = definePolicy({
  'victims.statistics.read': {
    roles: ['researcher', 'caseworker', 'investigator', 'analyst', 'referral_focal_point'],
  },
});
