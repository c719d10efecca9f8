import { Anchor, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatTime } from '../platform/common/format.ts';
import { QueryState } from '../platform/common/QueryState.tsx';
import { useRegionName } from '../platform/countries.ts';
import { listReferrals, referralKeys } from './api.ts';
import { StatusBadges } from './StatusBadges.tsx';

/** Outgoing or incoming referrals of the agency, newest first, with status and overdue badges. */
export function ReferralList({ direction }: { direction: 'outgoing' | 'incoming' }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const country = useRegionName();
  const query = useQuery({ queryKey: referralKeys.list(direction), queryFn: () => listReferrals(direction) });
  return (
    <QueryState query={query} empty={t('referrals.list.empty')}>
      {(items) => (
        <Table striped data-testid={`referrals-${direction}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(direction === 'outgoing' ? 'referrals.list.to' : 'referrals.list.from')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              <Table.Th>{t('referrals.list.sentAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id} data-testid={`referral-row-${r.id}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/referrals/${r.id}`}>
                    {direction === 'outgoing'
                      ? `${r.receivingAgency} (${country(r.receivingCountry)})`
                      : `${r.sendingAgency} (${country(r.sendingCountry)})`}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <StatusBadges referral={r} />
                </Table.Td>
                <Table.Td>{r.sentAt ? formatTime(r.sentAt) : t('referrals.statuses.draft')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryState>
  );
}
