import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReferralSummary } from './schema.ts';

const COLORS: Record<ReferralSummary['status'], string> = {
  draft: 'gray',
  sent: 'blue',
  undelivered: 'red',
  received: 'cyan',
  accepted: 'teal',
  declined: 'orange',
  in_progress: 'indigo',
  completed: 'green',
  closed: 'dark',
  withdrawn: 'red',
};

/** The referral's status, and "overdue" when an SLA deadline has passed (same on both nodes). */
export function StatusBadges({ referral }: { referral: Pick<ReferralSummary, 'id' | 'status' | 'sla'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge color={COLORS[referral.status]} variant="light" data-testid={`referral-status-${referral.id}`}>
        {t(`referrals.statuses.${referral.status}`)}
      </Badge>
      {referral.sla.overdue && (
        <Badge color="red" data-testid={`referral-overdue-${referral.id}`}>
          {t(`referrals.overdue.${referral.sla.overdue}`)}
        </Badge>
      )}
    </Group>
  );
}
