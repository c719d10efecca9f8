// Agency organisation types: the HTCDS 2.0 `org_Type` picklist (IOM, CC BY 4.0; shared/standards/htcds/
// htcds-2.0-fields.csv), exactly the values the `agencies.org_type` check constraint accepts
// (migrations/0001_platform.sql); a test compares the two. UI labels: web/src/i18n `orgTypes`.
export const ORG_TYPES = [
  'NGO',
  'LawEnforcement',
  'HealthServiceOrganisation',
  'CentralGovernmentOrganisation',
  'LocalGovernmentOrganisation',
  'ImmigrationService',
  'LegalService',
  'CorporateBusiness',
  'SchoolOrCollege',
] as const;

export type OrgType = (typeof ORG_TYPES)[number];
