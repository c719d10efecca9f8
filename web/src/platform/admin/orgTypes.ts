// Organisation types of an agency, as the server validates them.
export const orgTypes = [
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

export type OrgType = (typeof orgTypes)[number];

export function isOrgType(value: string): value is OrgType {
  return orgTypes.some((type) => type === value);
}
