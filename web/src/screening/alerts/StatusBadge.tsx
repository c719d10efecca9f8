import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AlertStatus } from '../schema.ts';
import { statusColors } from '../vocabulary.ts';

export function StatusBadge({ status, testId }: { status: AlertStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={statusColors[status]}
      variant="outline"
      miw="max-content"
      data-testid={testId}
      data-status={status}
    >
      {t(`screening.statuses.${status}`)}
    </Badge>
  );
}
