import { Anchor, Group, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { NotFound } from '../platform/shell/ErrorPages.tsx';
import { ReferForm } from './ReferForm.tsx';
import { ReferralList } from './ReferralList.tsx';
import { ReferralPage } from './ReferralPage.tsx';

const base = '/referrals';

/** Referrals: outgoing and incoming lists, the referral page, and the referral form. */
export function ReferralsPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const rest = pathname.slice(base.length).replace(/^\/+|\/+$/g, '');
  const tab = rest === 'incoming' ? 'incoming' : rest === '' ? 'outgoing' : null;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('referrals.title')}</Title>
      </Group>
      {tab && (
        <Tabs value={tab} onChange={(next) => navigate(next === 'incoming' ? `${base}/incoming` : base)}>
          <Tabs.List>
            <Tabs.Tab value="outgoing" data-testid="referrals-tab-outgoing">
              {t('referrals.tabs.outgoing')}
            </Tabs.Tab>
            <Tabs.Tab value="incoming" data-testid="referrals-tab-incoming">
              {t('referrals.tabs.incoming')}
            </Tabs.Tab>
          </Tabs.List>
        </Tabs>
      )}
      <Routes>
        <Route index element={<ReferralList direction="outgoing" />} />
        <Route path="incoming" element={<ReferralList direction="incoming" />} />
        <Route path="new" element={<ReferForm />} />
        <Route path=":id" element={<ReferralPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
      {tab === 'outgoing' && (
        // A link, not a button: its sentence wraps on a phone in every language.
        <Anchor component={Link} to="/victims" size="sm">
          {t('referrals.refer.fromPerson')}
        </Anchor>
      )}
    </Stack>
  );
}
