import type { Role } from '../auth/roles.ts';

// Who may do an action. Deny by default: a route names one rule; a principal passes only if the
// rule lets it. `public` needs no login; `authenticated` any logged-in user; `roles` any listed role.
export type Rule =
  | { readonly action: string; readonly public: true }
  | { readonly action: string; readonly authenticated: true }
  | { readonly action: string; readonly roles: readonly [Role, ...Role[]] };

export type Principal = {
  userId: string;
  username: string;
  displayName: string;
  agencyId: string;
  roles: readonly Role[];
  via: 'session' | 'token';
  /** Token scopes: action names, or `module.*`. Undefined for sessions (all of the user's roles apply). */
  scopes?: readonly string[];
  sessionIdHash?: Buffer;
  csrfToken?: string;
};

/** Builds a module's policy: action name -> rule, with the action name filled in. */
export function definePolicy<
  const P extends Record<
    string,
    { public: true } | { authenticated: true } | { roles: readonly [Role, ...Role[]] }
  >,
>(policy: P): { [K in keyof P]: P[K] & { action: K & string } } {
  const out: Record<string, unknown> = {};
  for (const [action, rule] of Object.entries(policy)) out[action] = { ...rule, action };
  return out as { [K in keyof P]: P[K] & { action: K & string } };
}

function scopeCovers(scopes: readonly string[], action: string): boolean {
  return scopes.some((s) => s === action || (s.endsWith('.*') && action.startsWith(s.slice(0, -1))));
}

export type Decision = 'allow' | 'unauthenticated' | 'forbidden';

export function decide(rule: Rule, principal: Principal | undefined): Decision {
  if ('public' in rule) return 'allow';
  if (!principal) return 'unauthenticated';
  if (principal.scopes && !scopeCovers(principal.scopes, rule.action)) return 'forbidden';
  if ('authenticated' in rule) return 'allow';
  return rule.roles.some((r) => principal.roles.includes(r)) ? 'allow' : 'forbidden';
}
