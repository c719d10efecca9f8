import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useFormatTime } from '../../platform/common/format.ts';
import { useScreeningLabels } from '../labels.ts';
import { LevelBadge } from '../result/LevelBadge.tsx';
import type { AlertSummary } from '../schema.ts';
import { batchAlertsPath } from './filters.ts';
import { StatusBadge } from './StatusBadge.tsx';

export const alertPath = (id: string) => `/screening/alerts/${encodeURIComponent(id)}`;

export function AlertsTable({ alerts }: { alerts: readonly AlertSummary[] }) {
  const { t } = useTranslation();
  const labels = useScreeningLabels();
  const formatTime = useFormatTime();
  const navigate = useNavigate();
  // The detail page links back to this very view (filters and page).
  const { search } = useLocation();
  const state = { from: search };
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover data-testid="alerts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('screening.alerts.level')}</Table.Th>
            <Table.Th>{t('screening.result.risk')}</Table.Th>
            <Table.Th>{t('screening.alerts.post')}</Table.Th>
            <Table.Th>{t('screening.alerts.language')}</Table.Th>
            <Table.Th>{t('screening.alerts.hits')}</Table.Th>
            <Table.Th>{t('screening.alerts.status')}</Table.Th>
            <Table.Th>{t('screening.alerts.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {alerts.map((alert) => (
            <Table.Tr
              key={alert.id}
              data-alert-id={alert.id}
              style={{ cursor: 'pointer' }}
              onClick={(event) => {
                // The link in the row handles its own clicks (and middle or modified clicks).
                if (event.target instanceof Element && event.target.closest('a')) return;
                navigate(alertPath(alert.id), { state });
              }}
            >
              <Table.Td>
                <LevelBadge level={alert.level} />
              </Table.Td>
              <Table.Td>{labels.percent(alert.risk)}</Table.Td>
              <Table.Td maw={420}>
                <Anchor component={Link} to={alertPath(alert.id)} state={state} c="inherit" underline="hover">
                  {alert.excerpt === null ? (
                    <Text size="sm" c="red.9" data-testid="alert-tampered">
                      {t('screening.alerts.tampered')}
                    </Text>
                  ) : (
                    <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                      {alert.excerpt}
                    </Text>
                  )}
                </Anchor>
                {alert.batchId && (
                  // A link: it shows this batch's alerts only (the row's own click ignores links).
                  <Badge
                    component={Link}
                    to={batchAlertsPath(alert.batchId)}
                    size="xs"
                    variant="outline"
                    mt={4}
                    style={{ cursor: 'pointer' }}
                    data-testid="alert-batch"
                    data-batch-id={alert.batchId}
                  >
                    {t('screening.alerts.fromBatch')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{labels.language(alert.lang)}</Table.Td>
              <Table.Td>
                {alert.watchlistHits.length > 0 ? (
                  <Badge color="red.9" title={alert.watchlistHits.join('\n')}>
                    {alert.watchlistHits.length}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    0
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={alert.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatTime(alert.createdAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
