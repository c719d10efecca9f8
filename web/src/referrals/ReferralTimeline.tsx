import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatTime } from '../platform/common/format.ts';
import { useRegionName } from '../platform/countries.ts';
import { useVictimLabels } from '../victims/labels.ts';
import type { ReferralEvent } from './schema.ts';

/** The actor of what the node records by itself (the audit log's system actor). */
const SYSTEM = 'system';
/**
 * Events whose note is the peer's own error text, in English with its codes: the referral page says
 * the reason in the reader's language instead (the note stays in the API and the audit log).
 */
const SYSTEM_NOTES: ReadonlySet<string> = new Set(['undelivered', 'delivery_failed']);

/** Every transition on both nodes: what, when, on which node, by whom, and why. */
export function ReferralTimeline({ events }: { events: readonly ReferralEvent[] }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const labels = useVictimLabels();
  const country = useRegionName();
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
              country: country(e.nodeCountry),
              actor: e.actor === SYSTEM ? t('referrals.timeline.system') : e.actor,
            })}
          </Text>
          {e.note && !SYSTEM_NOTES.has(e.kind) && <Text size="sm">{e.note}</Text>}
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
