import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { useVictimLabels } from '../labels.ts';
import { stepOrderRefusal } from './items.ts';
import type { Plan } from './schema.ts';

/** An item write's error: a refusal of the repatriation order names the steps; others name the item's fields. */
export function ItemErrorAlert({
  error,
  plan,
  step,
}: {
  error: unknown;
  plan: Plan;
  step: string | null | undefined;
}) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  const steps = plan.repatriation.map((s) => s.step);
  const refusal = stepOrderRefusal(error, steps, step);
  if (!refusal) {
    return (
      <ErrorAlert
        error={error}
        labels={{
          kind: t('victims.plans.kind'),
          repatriationStep: t('victims.plans.step'),
          status: t('common.status'),
          notNeeded: t('victims.plans.notNeeded'),
          providerOrganisationId: t('victims.plans.provider'),
          providerName: t('victims.plans.provider'),
          startDate: t('victims.plans.startDate'),
          dueDate: t('victims.plans.dueDate'),
        }}
      />
    );
  }
  const names = (list: readonly string[]) => labels.values('jar_RepatriationStep', list);
  return (
    <Alert color="red" title={t('victims.plans.orderTitle')} role="alert" data-testid="step-order-error">
      {refusal.earlier.length > 0 && (
        <Text size="sm">{t('victims.plans.orderEarlier', { steps: names(refusal.earlier) })}</Text>
      )}
      {refusal.later.length > 0 && (
        <Text size="sm">{t('victims.plans.orderLater', { steps: names(refusal.later) })}</Text>
      )}
    </Alert>
  );
}
