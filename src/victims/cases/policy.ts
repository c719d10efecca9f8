import type { Role } from '../../platform/auth/roles.ts';
import { definePolicy } from '../../platform/http/policy.ts';

// Case management. Caseworkers write; referral focal points also keep support-plan items and
// repatriation steps up to date and register the organisations that provide them; investigators,
// analysts and referral focal points read (persons under a pseudonym, narratives withheld).
// Researchers have no route here. Beyond the role, access.ts limits non-caseworkers to the cases
// they own or are on the team of.
const READERS = ['caseworker', 'investigator', 'analyst', 'referral_focal_point'] as const;

export const caseManagementPolicy = definePolicy({
  'victims.case_team.read': { roles: READERS },
  'victims.case_team.update': { roles: ['caseworker'] },
  'victims.case_notes.read': { roles: READERS },
  'victims.case_notes.create': { roles: ['caseworker'] },
  'victims.case_tasks.read': { roles: READERS },
  'victims.case_tasks.create': { roles: ['caseworker'] },
  // Non-caseworkers may only close or reopen a task assigned to them (tasks-service.ts).
  'victims.case_tasks.update': { roles: READERS },
  'victims.case_timeline.read': { roles: READERS },
  'victims.support_plans.read': { roles: READERS },
  'victims.support_plans.write': { roles: ['caseworker'] },
  'victims.support_items.write': { roles: ['caseworker', 'referral_focal_point'] },
  'victims.trafficking_events.read': { roles: READERS },
  'victims.trafficking_events.write': { roles: ['caseworker'] },
  'victims.organisations.read': { roles: READERS },
  'victims.organisations.write': { roles: ['caseworker', 'referral_focal_point'] },
});

/** Roles that may be put on a case team (those that can read a case). */
export const TEAM_ROLES: readonly Role[] = READERS;

export const isCaseworker = (roles: readonly Role[]) => roles.includes('caseworker');
