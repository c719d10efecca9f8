// Agency organisation types, kept in this one place: exactly the values the `agencies.org_type`
// check constraint accepts (migrations/0001_platform.sql, "HTCDS 2.0 org_Type values"); a test
// compares the two. HTCDS 2.0 (IOM, CC BY 4.0) defines `org_Type` as a picklist with custom values
// allowed; its own nine values differ from these (see README.md). UI labels: web/src/i18n `orgTypes`.
export const ORG_TYPES = [
  'LawEnforcement',
  'Judiciary',
  'Prosecution',
  'NGO',
  'InternationalOrganization',
  'GovernmentSocialServices',
  'GovernmentOther',
  'LabourInspection',
  'Academic',
  'Other',
] as const;

export type OrgType = (typeof ORG_TYPES)[number];
