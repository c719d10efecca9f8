import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BatchStatus } from './schema.ts';

const colors: Record<BatchStatus, string> = { queued: 'gray', running: 'blue', done: 'green', failed: 'red' };

export function BatchStatusBadge({ status }: { status: BatchStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={colors[status]}
      variant="light"
      miw="max-content"
      data-testid="batch-status"
      data-status={status}
    >
      {t(`screening.batch.statuses.${status}`)}
    </Badge>
  );
}
