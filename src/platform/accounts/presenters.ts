import type { AgencyRow, TokenRow, UserRow } from './repo.ts';

// Presenters list exactly the fields a response carries, so a new column never leaks.

export function presentSessionUser(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    agencyId: u.agency_id,
    roles: u.roles,
    mustChangePassword: u.must_change_password,
    totpEnabled: u.totp_enabled,
  };
}

export function presentUser(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    agencyId: u.agency_id,
    roles: u.roles,
    disabled: u.disabled,
    totpEnabled: u.totp_enabled,
    lockedUntil: u.locked_until ? u.locked_until.toISOString() : null,
    createdAt: u.created_at.toISOString(),
  };
}

export function presentAgency(a: AgencyRow) {
  return {
    id: a.id,
    name: a.name,
    orgType: a.org_type,
    country: a.country,
    createdAt: a.created_at.toISOString(),
  };
}

export function presentToken(t: TokenRow) {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: t.id,
    userId: t.user_id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes,
    createdAt: t.created_at.toISOString(),
    expiresAt: iso(t.expires_at),
    revokedAt: iso(t.revoked_at),
    lastUsedAt: iso(t.last_used_at),
  };
}
