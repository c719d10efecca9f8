import { Stepper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useVictimLabels } from '../labels.ts';
import type { Plan } from './schema.ts';

/**
 * The six repatriation steps in order, with how far each has come. A step may be done only when
 * every earlier one is done or not needed (the server enforces it); shown once any step is recorded.
 */
export function RepatriationSteps({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  if (!plan.repatriation.some((s) => s.item)) return null;
  const finished = (s: Plan['repatriation'][number]) =>
    s.item?.status === 'done' || s.item?.notNeeded === true;
  const active = plan.repatriation.findIndex((s) => !finished(s));
  return (
    <div data-testid="repatriation-steps">
      <Text fw={700} size="sm" mt="md" mb="xs">
        {t('victims.plans.repatriation')}
      </Text>
      <Stepper active={active === -1 ? plan.repatriation.length : active} orientation="vertical" size="xs">
        {plan.repatriation.map((s) => (
          <Stepper.Step
            key={s.step}
            label={labels.value('jar_RepatriationStep', s.step)}
            description={
              s.item
                ? s.item.notNeeded
                  ? t('victims.plans.notNeeded')
                  : labels.value('jar_SupportItemStatus', s.item.status)
                : t('victims.plans.notRecorded')
            }
            data-step={s.step}
          />
        ))}
      </Stepper>
    </div>
  );
}
