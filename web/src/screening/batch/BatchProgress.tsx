import { Anchor, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { languageOf } from '../../i18n/languages.ts';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { batchAlertsPath } from '../alerts/filters.ts';
import { resultsHref } from './api.ts';
import { BatchStatusBadge } from './BatchStatusBadge.tsx';
import { useFormatBytes, useFormatCount } from './format.ts';
import { useBatch } from './queries.ts';
import { isActive } from './schema.ts';

/** One batch as it is screened: a progress bar polling the status, then the download link. */
export function BatchProgress({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const formatBytes = useFormatBytes();
  const formatCount = useFormatCount();
  const { data: batch, error } = useBatch(id);
  if (error) return <ErrorAlert error={error} />;
  if (!batch) return null;
  const active = isActive(batch);
  return (
    <Card withBorder data-testid="batch-progress" data-batch-id={batch.id}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {batch.name ?? t('screening.batch.unnamed')}
          </Text>
          <BatchStatusBadge status={batch.status} />
        </Group>
        <Progress
          value={batch.percent}
          animated={active}
          color={batch.status === 'failed' ? 'red' : undefined}
          aria-label={t('screening.batch.progressLabel')}
          data-testid="batch-progress-bar"
        />
        <Text size="sm" role="status" data-testid="batch-progress-text">
          {t('screening.batch.progress', {
            count: batch.linesDone,
            lines: formatCount(batch.linesDone),
            done: formatBytes(batch.bytesDone),
            total: formatBytes(batch.totalBytes),
          })}
        </Text>
        <Text size="sm" data-testid="batch-counts">
          {t('screening.batch.counts', batch.counts)}
        </Text>
        {!active && batch.counts.errors > 0 && (
          <Text size="sm" c="orange" data-testid="batch-refused">
            {batch.format === 'jsonl' && batch.counts.errors === batch.linesDone
              ? t('screening.batch.allRefusedJsonl', { text: t('screening.batch.formats.text') })
              : t('screening.batch.someRefused', {
                  count: batch.counts.errors,
                  lines: formatCount(batch.counts.errors),
                })}
          </Text>
        )}
        {batch.alerts > 0 && (
          <Anchor component={Link} to={batchAlertsPath(batch.id)} size="sm" data-testid="batch-alerts">
            {t('screening.batch.alerts', { count: batch.alerts })}
          </Anchor>
        )}
        {batch.status === 'failed' && (
          <Text size="sm" c="red" role="alert">
            {t('screening.batch.failed')}
          </Text>
        )}
        {!active && (
          <Anchor
            href={resultsHref(batch.id, languageOf(i18n.language).code)}
            download
            data-testid="batch-download"
          >
            {t('screening.batch.download')}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}
