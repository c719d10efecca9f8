import type { Decision } from './types.ts';

// HTCDS 2.0 vic_TraffickingStatus for an officer's decision (shared/standards/htcds/htcds-2.0-fields.csv).
// "Needs more information" has no HTCDS value: the status stays as it was.
export const HTCDS_TRAFFICKING_STATUS = {
  presumed_victim: 'PossibleVictimOfTrafficking',
  victim: 'ActualVictimOfTrafficking',
  not_victim: 'NotAVictimOfTrafficking',
  needs_more_information: null,
} as const satisfies Record<Decision, string | null>;

export const htcdsTraffickingStatus = (decision: Decision) => HTCDS_TRAFFICKING_STATUS[decision];
