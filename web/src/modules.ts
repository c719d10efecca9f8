import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type en from './i18n/locales/en.json';
import { auditReaders } from './platform/audit/RecordAuditLink.tsx';
import type { Role } from './platform/roles.ts';

// The navigation registry: one entry per module that exists. The shell shows an entry, and routes
// to its page, only for users holding one of its roles. A new module adds one entry here and its
// label under "nav" in en.json.

export type ModuleEntry = {
  path: string;
  labelKey: keyof typeof en.nav;
  roles: readonly Role[];
  testId: string;
  page: LazyExoticComponent<ComponentType>;
};

export const modules: readonly ModuleEntry[] = [
  {
    path: '/admin',
    labelKey: 'admin',
    roles: ['administrator'],
    testId: 'nav-admin',
    page: lazy(() => import('./platform/admin/AdminPage.tsx').then((m) => ({ default: m.AdminPage }))),
  },
  {
    path: '/audit',
    labelKey: 'audit',
    roles: auditReaders,
    testId: 'nav-audit',
    page: lazy(() => import('./platform/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage }))),
  },
  {
    path: '/screening',
    labelKey: 'screening',
    roles: ['investigator', 'analyst'],
    testId: 'nav-screening',
    page: lazy(() => import('./screening/ScreeningPage.tsx').then((m) => ({ default: m.ScreeningPage }))),
  },
  {
    path: '/victims',
    labelKey: 'victims',
    // Researchers see only its Statistics tab (aggregates).
    roles: ['caseworker', 'investigator', 'analyst', 'referral_focal_point', 'researcher'],
    testId: 'nav-victims',
    page: lazy(() => import('./victims/VictimsPage.tsx').then((m) => ({ default: m.VictimsPage }))),
  },
  {
    path: '/referrals',
    labelKey: 'referrals',
    roles: ['caseworker', 'referral_focal_point'],
    testId: 'nav-referrals',
    page: lazy(() => import('./referrals/ReferralsPage.tsx').then((m) => ({ default: m.ReferralsPage }))),
  },
];

export function modulesFor(userRoles: readonly string[]): ModuleEntry[] {
  return modules.filter((module) => module.roles.some((role) => userRoles.includes(role)));
}
