import { definePolicy } from '../../platform/http/policy.ts';

// Duplicate search shows identities and answers "is this person registered?", and a merge joins
// two victims' records: caseworkers only (identity readers). Investigators and analysts, who see
// pseudonyms, have no route here.
export const duplicatesPolicy = definePolicy({
  'victims.duplicates.search': { roles: ['caseworker'] },
  'victims.merges.read': { roles: ['caseworker'] },
  'victims.merges.propose': { roles: ['caseworker'] },
  'victims.merges.decide': { roles: ['caseworker'] },
});
