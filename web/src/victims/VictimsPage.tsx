import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useSession } from '../platform/session/context.ts';
import { NotFound } from '../platform/shell/ErrorPages.tsx';
import { CasePage } from './cases/CasePage.tsx';
import { CasesTab } from './cases/CasesTab.tsx';
import { HtcdsTab } from './htcds/HtcdsTab.tsx';
import { AssessmentPage } from './identification/AssessmentPage.tsx';
import { mayMerge } from './merges/api.ts';
import { MergesTab } from './merges/MergesTab.tsx';
import { OrganisationsTab } from './organisations/OrganisationsTab.tsx';
import { PersonEdit } from './persons/PersonEdit.tsx';
import { PersonPage } from './persons/PersonPage.tsx';
import { PersonsTab } from './persons/PersonsTab.tsx';
import { RegisterWizard } from './register/RegisterWizard.tsx';
import {
  mayExportHtcds,
  mayReadOrganisations,
  mayReadRecords,
  mayReadStatistics,
  mayRegister,
} from './roles.ts';
import { StatisticsTab } from './statistics/StatisticsTab.tsx';

const tabs = ['persons', 'cases', 'register', 'merges', 'organisations', 'htcds', 'statistics'] as const;
type Tab = (typeof tabs)[number];

const base = '/victims';
const pathOf = (tab: Tab) => (tab === 'persons' ? base : `${base}/${tab}`);

/** The tab a path belongs to: /victims and /victims/persons/…, /victims/cases[/…], /victims/register, /victims/merges, /victims/organisations, /victims/htcds, /victims/statistics. */
function tabOf(pathname: string): Tab | null {
  const first =
    pathname
      .slice(base.length)
      .replace(/^\/+|\/+$/g, '')
      .split('/')[0] ?? '';
  if (first === '' || first === 'persons') return 'persons';
  return isTab(first) ? first : null;
}

function isTab(value: string | null): value is Tab {
  return tabs.some((tab) => tab === value);
}

const allowed = (tab: Tab, roles: readonly string[]) =>
  (!['persons', 'cases'].includes(tab) || mayReadRecords(roles)) &&
  (tab !== 'statistics' || mayReadStatistics(roles)) &&
  (tab !== 'register' || mayRegister(roles)) &&
  (tab !== 'merges' || mayMerge(roles)) &&
  (tab !== 'organisations' || mayReadOrganisations(roles)) &&
  (tab !== 'htcds' || mayExportHtcds(roles));

/** Victims: persons and their search, cases, the registration wizard, merges of duplicates, organisations, HTCDS files and statistics. */
export function VictimsPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { user } = useSession();
  const tab = tabOf(pathname);
  const visible = tabs.filter((name) => allowed(name, user.roles));
  // A researcher's way in (/victims) leads to the one tab they have.
  const [first] = visible;
  if (pathname.replace(/\/+$/, '') === base && tab && !visible.includes(tab) && first) {
    return <Navigate to={pathOf(first)} replace />;
  }
  if (!tab || !visible.includes(tab)) return <NotFound />;
  return (
    <Stack>
      <Title order={1}>{t('victims.title')}</Title>
      <Tabs value={tab} onChange={(next) => isTab(next) && navigate(pathOf(next))} keepMounted={false}>
        <Tabs.List>
          {visible.map((name) => (
            <Tabs.Tab key={name} value={name} data-testid={`victims-tab-${name}`}>
              {t(`victims.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="persons" pt="md">
          <Routes>
            <Route index element={<PersonsTab />} />
            <Route path="persons/:id" element={<PersonPage />} />
            <Route path="persons/:id/edit" element={<PersonEdit />} />
            <Route path="persons/:id/assess" element={<AssessmentPage />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Tabs.Panel>
        <Tabs.Panel value="cases" pt="md">
          <Routes>
            <Route path="cases" element={<CasesTab />} />
            <Route path="cases/:id" element={<CasePage />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Tabs.Panel>
        <Tabs.Panel value="register" pt="md">
          <RegisterWizard />
        </Tabs.Panel>
        <Tabs.Panel value="merges" pt="md">
          <MergesTab />
        </Tabs.Panel>
        <Tabs.Panel value="organisations" pt="md">
          <OrganisationsTab />
        </Tabs.Panel>
        <Tabs.Panel value="htcds" pt="md">
          <HtcdsTab />
        </Tabs.Panel>
        <Tabs.Panel value="statistics" pt="md">
          <StatisticsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
