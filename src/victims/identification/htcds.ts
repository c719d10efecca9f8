import type { OrgType } from '../../platform/accounts/org-types.ts';
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

/** HTCDS 2.0 vic_TraffickingStatusDecisionMakingOrg for the deciding agency's organisation type. */
export const DECISION_MAKING_ORG = {
  LawEnforcement: 'Police',
  NGO: 'NGO',
  CentralGovernmentOrganisation: 'NonPoliceGovernmentalOrganization',
  LocalGovernmentOrganisation: 'NonPoliceGovernmentalOrganization',
  ImmigrationService: 'NonPoliceGovernmentalOrganization',
  HealthServiceOrganisation: 'Other',
  LegalService: 'Other',
  CorporateBusiness: 'Other',
  SchoolOrCollege: 'Other',
} as const satisfies Record<OrgType, string>;
