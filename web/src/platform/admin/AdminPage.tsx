import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AgenciesTab } from './agencies/AgenciesTab.tsx';
import { FederationTab } from './federation/FederationTab.tsx';
import { TokensTab } from './tokens/TokensTab.tsx';
import { UsersTab } from './users/UsersTab.tsx';

const tabs = ['agencies', 'users', 'tokens', 'federation'] as const;
type Tab = (typeof tabs)[number];

function isTab(value: string | null): value is Tab {
  return tabs.some((tab) => tab === value);
}

/** Agencies, users, API tokens and federation (peers, outbox) of this node. The tab is kept in the URL (?tab=users). */
export function AdminPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('tab');
  const tab: Tab = isTab(wanted) ? wanted : 'agencies';
  return (
    <Stack>
      <Title order={1}>{t('admin.title')}</Title>
      <Tabs
        value={tab}
        onChange={(next) => setParams(next && next !== 'agencies' ? { tab: next } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name} data-testid={`admin-tab-${name}`}>
              {t(`admin.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="agencies" pt="md">
          <AgenciesTab />
        </Tabs.Panel>
        <Tabs.Panel value="users" pt="md">
          <UsersTab />
        </Tabs.Panel>
        <Tabs.Panel value="tokens" pt="md">
          <TokensTab />
        </Tabs.Panel>
        <Tabs.Panel value="federation" pt="md">
          <FederationTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
