// Organisation types of an agency: the HTCDS 2.0 `org_Type` picklist, as the server validates them
// (src/platform/accounts/org-types.ts).
export const orgTypes = [
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

export type OrgType = (typeof orgTypes)[number];

export function isOrgType(value: string): value is OrgType {
  return orgTypes.some((type) => type === value);
}
