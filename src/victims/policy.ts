import type { Role } from '../platform/auth/roles.ts';
import { definePolicy } from '../platform/http/policy.ts';

// Victim records serve caseworkers first. Investigators (frontline police at rescues) may register
// a person; investigators, analysts and referral focal points may read, under a pseudonym.
// Researchers have no person or case route: they see aggregates only (statistics/). Administrators
// manage accounts, not victims.
export const victimsPolicy = definePolicy({
  'victims.catalogue.read': { authenticated: true },
  'victims.persons.create': { roles: ['caseworker', 'investigator'] },
  'victims.persons.read': { roles: ['caseworker', 'investigator', 'analyst', 'referral_focal_point'] },
  'victims.persons.update': { roles: ['caseworker'] },
  'victims.cases.create': { roles: ['caseworker'] },
  'victims.cases.read': { roles: ['caseworker', 'investigator', 'analyst', 'referral_focal_point'] },
  'victims.cases.update': { roles: ['caseworker', 'referral_focal_point'] },
});

export type PersonView = 'identity' | 'pseudonym';

/**
 * What a reader sees of a person: caseworkers the identity; investigators also the identity of a
 * person recorded only as a perpetrator (never of anyone with a victim context, so a victim forced
 * into crime stays protected); everyone else the pseudonym.
 */
export function personView(
  roles: readonly Role[],
  person: { hasVictimContext: boolean; hasPerpetratorContext: boolean },
): PersonView {
  if (roles.includes('caseworker')) return 'identity';
  const perpetratorOnly = person.hasPerpetratorContext && !person.hasVictimContext;
  if (roles.includes('investigator') && perpetratorOnly) return 'identity';
  return 'pseudonym';
}

/** Searching by name is itself an identity read ("is X registered?"), so only for identity viewers. */
export const maySearchByName = (roles: readonly Role[]) => roles.includes('caseworker');

/** Case narratives (the closing reason, comments) are encrypted; caseworkers see them. */
export const maySeeCaseNarratives = (roles: readonly Role[]) => roles.includes('caseworker');

/** A case's referral narratives (details, the other side's case workers): the people who refer. */
export const maySeeReferralNarratives = (roles: readonly Role[]) =>
  roles.includes('caseworker') || roles.includes('referral_focal_point');
