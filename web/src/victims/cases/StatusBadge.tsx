import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../schema.ts';

const colors = { open: 'blue', active: 'green', referred: 'violet', closed: 'gray' } as const;

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} data-testid="case-status" data-status={status}>
      {t(`victims.cases.statuses.${status}`)}
    </Badge>
  );
}
