import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatTime } from '../platform/common/format.ts';
import { useVictimLabels } from '../victims/labels.ts';
import type { ReferralEvent } from './schema.ts';

/** Every transition on both nodes: what, when, on which node, by whom, and why. */
export function ReferralTimeline({ events }: { events: readonly ReferralEvent[] }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const labels = useVictimLabels();
  return (
    <Timeline active={events.length - 1} bulletSize={14} data-testid="referral-timeline">
      {events.map((e) => (
        <Timeline.Item
          key={e.id}
          data-testid={`referral-event-${e.kind}`}
          title={
            e.kind === 'step' && e.step
              ? t('referrals.timeline.step', {
                  step: labels.value('jar_RepatriationStep', e.step),
                  state: t(`referrals.stepStatuses.${e.stepStatus ?? 'planned'}`),
                })
              : t(`referrals.events.${e.kind}`)
          }
        >
          <Text size="xs" c="dimmed">
            {t('referrals.timeline.where', {
              time: formatTime(e.at),
              country: e.nodeCountry,
              actor: e.actor,
            })}
          </Text>
          {e.note && <Text size="sm">{e.note}</Text>}
          {e.noteStatus === 'tampered' && (
            <Text size="sm" c="red">
              {t('referrals.timeline.tampered')}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
