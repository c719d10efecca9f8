import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useScreeningLabels } from '../labels.ts';
import { metricColumns, metricsSource, readMetrics } from './metrics.ts';

/** Held-out metrics of a model, overall and per language, saying what they were measured on. */
export function MetricsTable({ metrics }: { metrics: unknown }) {
  const { t } = useTranslation();
  const labels = useScreeningLabels();
  const rows = readMetrics(metrics);
  const columns = metricColumns(rows);
  const source = metricsSource(metrics);
  const caption =
    source.on === 'reviews'
      ? t('screening.model.metricsCaptionReviews', { folds: source.folds })
      : t('screening.model.metricsCaption');
  if (rows.length === 0 || columns.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('screening.model.noMetrics')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped data-testid="model-metrics">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('screening.model.scope')}</Table.Th>
            {columns.map((name) => (
              <Table.Th key={name}>{t(`screening.model.metrics.${name}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.scope}>
              <Table.Th>
                {row.scope === 'all' ? t('screening.model.allLanguages') : labels.language(row.scope)}
              </Table.Th>
              {columns.map((name) => {
                const value = row.values[name];
                return (
                  <Table.Td key={name}>{typeof value === 'number' ? labels.number(value) : '–'}</Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
