import { hasAnyRole } from '../platform/roles.ts';

// What each role may do in the victims pages, as the server's policies say (src/victims/policy.ts,
// consent/policy.ts, identification/policy.ts, htcds/policy.ts, cases/policy.ts,
// statistics/policy.ts). The server decides; the UI only hides what a role
// cannot use. Who sees the module at all is in ../modules.ts.

/** Persons and cases (researchers have neither: they see statistics only). */
export const mayReadRecords = (roles: readonly string[]) =>
  hasAnyRole(roles, ['caseworker', 'investigator', 'analyst', 'referral_focal_point']);
export const mayReadStatistics = (roles: readonly string[]) =>
  hasAnyRole(roles, ['researcher', 'caseworker', 'investigator', 'analyst', 'referral_focal_point']);
export const mayRegister = (roles: readonly string[]) => hasAnyRole(roles, ['caseworker', 'investigator']);
export const mayReadIdentity = (roles: readonly string[]) => hasAnyRole(roles, ['caseworker']);
export const mayEditPerson = (roles: readonly string[]) => hasAnyRole(roles, ['caseworker']);
export const mayExportHtcds = (roles: readonly string[]) =>
  hasAnyRole(roles, ['caseworker', 'investigator', 'analyst', 'referral_focal_point']);
export const mayImportHtcds = (roles: readonly string[]) => hasAnyRole(roles, ['caseworker']);
export const mayOpenCase = (roles: readonly string[]) => hasAnyRole(roles, ['caseworker']);
export const mayUpdateCase = (roles: readonly string[]) =>
  hasAnyRole(roles, ['caseworker', 'referral_focal_point']);
export const mayAssess = (roles: readonly string[]) =>
  hasAnyRole(roles, ['caseworker', 'investigator', 'referral_focal_point']);
export const mayUseConsent = (roles: readonly string[]) =>
  hasAnyRole(roles, ['caseworker', 'referral_focal_point']);
export const mayManageTeam = (roles: readonly string[]) => hasAnyRole(roles, ['caseworker']);
export const mayWriteNotes = (roles: readonly string[]) => hasAnyRole(roles, ['caseworker']);
export const mayCreateTasks = (roles: readonly string[]) => hasAnyRole(roles, ['caseworker']);
export const mayWritePlans = (roles: readonly string[]) => hasAnyRole(roles, ['caseworker']);
export const mayWriteItems = (roles: readonly string[]) =>
  hasAnyRole(roles, ['caseworker', 'referral_focal_point']);
export const mayWriteOrganisations = (roles: readonly string[]) =>
  hasAnyRole(roles, ['caseworker', 'referral_focal_point']);
export const mayReadOrganisations = (roles: readonly string[]) =>
  hasAnyRole(roles, ['caseworker', 'investigator', 'analyst', 'referral_focal_point']);
