import {
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  Group,
  List,
  Loader,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../platform/common/ErrorAlert.tsx';
import { useFormatTime } from '../platform/common/format.ts';
import { useRegionName } from '../platform/countries.ts';
import { fetchReferral, referralKeys } from './api.ts';
import { IncomingActions, OutgoingActions } from './IncomingActions.tsx';
import { ReferralTimeline } from './ReferralTimeline.tsx';
import { refusalText } from './refusals.ts';
import { SharedData } from './SharedData.tsx';
import { StatusBadges } from './StatusBadges.tsx';
import type { Category, Referral } from './schema.ts';

/** /referrals/:id — one referral on either side: status, deadlines, consent, timeline, receipts. */
export function ReferralPage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: referralKeys.one(id), queryFn: () => fetchReferral(id) });
  if (query.isPending) {
    return (
      <Center p="lg">
        <Loader />
      </Center>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} />;
  return <ReferralView referral={query.data} />;
}

function ReferralView({ referral: r }: { referral: Referral }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const country = useRegionName();
  const [showShared, setShowShared] = useState(false);
  const outgoing = r.direction === 'outgoing';
  return (
    <Stack data-testid="referral-page" data-referral-id={r.id}>
      <Anchor component={Link} to={outgoing ? '/referrals' : '/referrals/incoming'} size="sm">
        ← {t(outgoing ? 'referrals.tabs.outgoing' : 'referrals.tabs.incoming')}
      </Anchor>
      <Group>
        <Title order={2}>
          {outgoing
            ? t('referrals.page.to', { agency: r.receivingAgency, country: country(r.receivingCountry) })
            : t('referrals.page.from', { agency: r.sendingAgency, country: country(r.sendingCountry) })}
        </Title>
        <StatusBadges referral={r} />
      </Group>
      {r.status === 'undelivered' && <Undelivered referral={r} />}
      {r.reason && <Text>{t(`referrals.reasons.${r.reason}`)}</Text>}
      {r.sla.ackDueAt && r.status !== 'undelivered' && (
        <Text size="sm" c="dimmed" data-testid="referral-deadlines">
          {t('referrals.page.deadlines', {
            ack: formatTime(r.sla.ackDueAt),
            decision: formatTime(r.sla.decisionDueAt),
          })}
        </Text>
      )}
      {outgoing && r.personId && (
        <Anchor component={Link} to={`/victims/persons/${r.personId}`} size="sm">
          {t('referrals.page.person')}
        </Anchor>
      )}
      <ConsentCard referral={r} />
      {outgoing ? <OutgoingActions referral={r} /> : <IncomingActions referral={r} />}
      {!outgoing && (
        <Card withBorder>
          <Title order={3}>{t('referrals.shared.title')}</Title>
          {showShared ? (
            <SharedData referralId={r.id} />
          ) : (
            <Stack gap="xs" align="flex-start">
              <Text size="sm" c="dimmed">
                {t('referrals.shared.openHelp')}
              </Text>
              <Button variant="light" onClick={() => setShowShared(true)} data-testid="referral-open-shared">
                {t('referrals.shared.open')}
              </Button>
            </Stack>
          )}
        </Card>
      )}
      <Title order={3}>{t('referrals.page.timeline')}</Title>
      <ReferralTimeline events={r.timeline} />
      {outgoing && <Receipts referral={r} />}
    </Stack>
  );
}

// The receiving node's refusals a sender can act on, and the outbox's own give-up; any other code is
// named as it came. The receiving node may run another version: those refusals read alike.
const UNDELIVERED_REASONS = {
  unknown_agency: 'unknown_agency',
  expired: 'expired',
  unknown_type: 'incompatible',
  unsupported_version: 'incompatible',
  invalid_body: 'incompatible',
} as const;
const reasonOf = (code: string) => Object.entries(UNDELIVERED_REASONS).find(([known]) => known === code)?.[1];

/** The offer never reached the other country: when, why, and a way to refer again. */
function Undelivered({ referral: r }: { referral: Referral }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const country = useRegionName();
  const code = r.undeliveredReason ?? '';
  const known = reasonOf(code);
  const again = new URLSearchParams({
    ...(r.personId ? { personId: r.personId } : {}),
    ...(r.caseId ? { caseId: r.caseId } : {}),
    peerId: r.peerId,
  });
  return (
    <Alert
      color="red"
      title={t('referrals.undelivered.title', { country: country(r.receivingCountry) })}
      data-testid="referral-undelivered"
      data-reason={code}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {known
            ? t(`referrals.undelivered.reasons.${known}`, {
                agency: r.receivingAgency,
                country: country(r.receivingCountry),
              })
            : t('referrals.undelivered.reasons.other', { code })}
        </Text>
        <Text size="sm">
          {t('referrals.undelivered.when', { time: r.undeliveredAt ? formatTime(r.undeliveredAt) : '' })}
        </Text>
        {r.personId && (
          <Button
            component={Link}
            to={`/referrals/new?${again.toString()}`}
            variant="light"
            size="xs"
            data-testid="referral-refer-again"
          >
            {t('referrals.undelivered.again')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** What consent let go (or, for a draft, would let go now), and why the rest stays home. */
function ConsentCard({ referral: r }: { referral: Referral }) {
  const { t } = useTranslation();
  const name = (c: Category) => t(`victims.consent.categoryNames.${c}`);
  const refused = r.preview ? r.preview.filter((p) => !p.allowed) : r.categoriesRefused;
  const shared = r.preview ? r.preview.filter((p) => p.allowed).map((p) => p.category) : r.categoriesShared;
  return (
    <Card withBorder data-testid="referral-consent">
      <Text fw={600}>{t(r.preview ? 'referrals.consent.preview' : 'referrals.consent.shared')}</Text>
      <Text data-testid="referral-categories">
        {shared.length ? shared.map(name).join(', ') : t('common.none')}
      </Text>
      {refused.length > 0 && r.direction === 'outgoing' && (
        <>
          <Text fw={600} mt="xs">
            {t('referrals.consent.withheld')}
          </Text>
          <List size="sm" data-testid="referral-withheld">
            {refused.map((x) => (
              <List.Item key={x.category}>
                {name(x.category)}: {refusalText(t, x, !r.preview)}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Card>
  );
}

function Receipts({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  return (
    <Stack gap="xs" data-testid="referral-receipts">
      <Title order={3}>{t('referrals.receipts.title')}</Title>
      {referral.receipts.length === 0 ? (
        <Text c="dimmed">{t('referrals.receipts.none')}</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {referral.receipts.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td>
                  {t('referrals.receipts.line', {
                    name: x.readerName,
                    agency: x.readerAgency,
                    time: formatTime(x.openedAt),
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
