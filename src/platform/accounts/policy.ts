import { definePolicy } from '../http/policy.ts';

// Agencies are readable by everyone logged in (names appear throughout the UI); everything else
// about accounts is for administrators, except each user's own API tokens.
export const accountsPolicy = definePolicy({
  'accounts.agencies.list': { authenticated: true },
  'accounts.agencies.create': { roles: ['administrator'] },
  'accounts.agencies.update': { roles: ['administrator'] },
  'accounts.users.list': { roles: ['administrator'] },
  'accounts.users.create': { roles: ['administrator'] },
  'accounts.users.update': { roles: ['administrator'] },
  'accounts.users.reset_password': { roles: ['administrator'] },
  'accounts.users.unlock': { roles: ['administrator'] },
  'accounts.tokens.list': { authenticated: true },
  'accounts.tokens.create': { authenticated: true },
  'accounts.tokens.revoke': { authenticated: true },
});

/** Whether token scopes cover a scope or action: exactly, or by a `prefix.*` wildcard. */
export function scopesCover(held: readonly string[], wanted: string): boolean {
  return held.some((s) => s === wanted || (s.endsWith('.*') && wanted.startsWith(s.slice(0, -1))));
}
