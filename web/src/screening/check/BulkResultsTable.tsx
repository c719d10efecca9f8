import { Anchor, Button, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type BulkRow, excerptOf } from '../bulk.ts';
import { useScreeningLabels } from '../labels.ts';
import { LevelBadge } from '../result/LevelBadge.tsx';

type Props = { rows: readonly BulkRow[]; selected: number | null; onSelect: (index: number) => void };

const excerptLength = 140;

export function BulkResultsTable({ rows, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const labels = useScreeningLabels();
  return (
    <Table.ScrollContainer minWidth={800} maxHeight={520}>
      <Table striped stickyHeader data-testid="bulk-results">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('screening.bulk.line')}</Table.Th>
            <Table.Th>{t('screening.result.risk')}</Table.Th>
            <Table.Th>{t('screening.alerts.level')}</Table.Th>
            <Table.Th>{t('screening.alerts.post')}</Table.Th>
            <Table.Th>{t('screening.bulk.alert')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr
              key={row.line}
              data-line={row.line}
              data-state={row.state}
              bg={selected === index ? 'var(--mantine-primary-color-light)' : undefined}
            >
              <Table.Td>{row.line}</Table.Td>
              <Table.Td>
                {row.state === 'waiting' && <Loader size="xs" aria-label={t('common.loading')} />}
                {row.answer && labels.percent(row.answer.result.risk)}
              </Table.Td>
              <Table.Td>{row.answer && <LevelBadge level={row.answer.result.level} />}</Table.Td>
              <Table.Td>
                {row.error ? (
                  <Text size="sm" c="red">
                    {row.error}
                  </Text>
                ) : (
                  <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                    {excerptOf(row.text, excerptLength)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {row.answer?.alertId && (
                  <Anchor
                    component={Link}
                    to={`/screening/alerts/${encodeURIComponent(row.answer.alertId)}`}
                    size="sm"
                  >
                    {t('screening.result.openAlert')}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                {row.answer && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => onSelect(index)}
                    aria-pressed={selected === index}
                    aria-label={`${t('screening.bulk.details')}: ${t('screening.bulk.line')} ${row.line}`}
                  >
                    {t('screening.bulk.details')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
