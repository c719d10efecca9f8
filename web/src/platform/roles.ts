// The node's roles (ARCHITECTURE.md, security model); policies on the server decide, the UI only
// hides what a role cannot use.
export const roles = [
  'administrator',
  'investigator',
  'analyst',
  'caseworker',
  'referral_focal_point',
  'central_authority',
  'researcher',
] as const;

export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return roles.some((role) => role === value);
}

export function hasAnyRole(userRoles: readonly string[], allowed: readonly Role[]): boolean {
  return allowed.some((role) => userRoles.includes(role));
}
