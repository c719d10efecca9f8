import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { NotFound } from '../platform/shell/ErrorPages.tsx';
import { AlertDetailPage } from './alerts/AlertDetailPage.tsx';
import { AlertsTab } from './alerts/AlertsTab.tsx';
import { CheckTab } from './check/CheckTab.tsx';
import { ModelCard } from './model/ModelCard.tsx';
import { WatchlistTab } from './watchlist/WatchlistTab.tsx';

const tabs = ['check', 'alerts', 'watchlist', 'model'] as const;
type Tab = (typeof tabs)[number];

const base = '/screening';
const pathOf = (tab: Tab) => (tab === 'check' ? base : `${base}/${tab}`);

function isTab(value: string | null): value is Tab {
  return tabs.some((tab) => tab === value);
}

/** The tab a path belongs to: /screening, /screening/alerts[/:id], /screening/watchlist, /screening/model. */
function tabOf(pathname: string): Tab | null {
  const rest = pathname.slice(base.length).replace(/^\/+|\/+$/g, '');
  if (rest === '') return 'check';
  const first = rest.split('/')[0] ?? '';
  return isTab(first) && first !== 'check' ? first : null;
}

/** Screening of online content: check posts, review the alerts they open, the watchlist, the model. */
export function ScreeningPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const tab = tabOf(pathname);
  if (!tab) return <NotFound />;
  return (
    <Stack>
      <Title order={1}>{t('screening.title')}</Title>
      <Tabs value={tab} onChange={(next) => isTab(next) && navigate(pathOf(next))} keepMounted={false}>
        <Tabs.List>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name} data-testid={`screening-tab-${name}`}>
              {t(`screening.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="check" pt="md">
          <CheckTab />
        </Tabs.Panel>
        <Tabs.Panel value="alerts" pt="md">
          <Routes>
            <Route path="alerts" element={<AlertsTab />} />
            <Route path="alerts/:id" element={<AlertDetailPage />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Tabs.Panel>
        <Tabs.Panel value="watchlist" pt="md">
          <WatchlistTab />
        </Tabs.Panel>
        <Tabs.Panel value="model" pt="md">
          <ModelCard />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
