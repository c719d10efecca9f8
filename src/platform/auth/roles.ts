export const ROLES = [
  'administrator',
  'investigator',
  'analyst',
  'caseworker',
  'referral_focal_point',
  'central_authority',
  'researcher',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
