import { Badge, Group, Timeline as MantineTimeline, Stack, Switch, Text, Title } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { useFormatTime } from '../../platform/common/format.ts';
import { MoreButton } from '../../platform/common/MoreButton.tsx';
import { useVictimLabels } from '../labels.ts';
import { caseKeys, fetchTimeline } from './api.ts';
import type { TimelineEntry, TimelinePage } from './schema.ts';
import { entryDetails, entryTitle } from './timeline-text.ts';

/** Everything that happened in the case and to its persons, newest first, paged. */
export function Timeline({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [reads, setReads] = useState(false);
  const pages = useInfiniteQuery({
    queryKey: caseKeys.timeline(caseId, reads),
    queryFn: ({ pageParam }) => fetchTimeline(caseId, reads, pageParam || undefined),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const loaded = pages.data?.pages ?? [];
  const entries = loaded.flatMap((page) => page.entries.map((entry) => ({ entry, users: page.users })));
  return (
    <Stack component="section" aria-labelledby="timeline-title" gap="sm" data-testid="case-timeline">
      <Group justify="space-between">
        <Title order={2} size="h3" id="timeline-title">
          {t('victims.timeline.title')}
        </Title>
        <Switch
          label={t('victims.timeline.reads')}
          checked={reads}
          onChange={(event) => setReads(event.currentTarget.checked)}
        />
      </Group>
      <ErrorAlert error={pages.error} />
      {pages.data && entries.length === 0 && <Text c="dimmed">{t('victims.timeline.empty')}</Text>}
      {entries.length > 0 && (
        <MantineTimeline bulletSize={12} lineWidth={2}>
          {entries.map(({ entry, users }) => (
            <MantineTimeline.Item key={entry.id} data-type={entry.type}>
              <EntryView entry={entry} users={users} />
            </MantineTimeline.Item>
          ))}
        </MantineTimeline>
      )}
      <MoreButton pages={pages} label={t('victims.timeline.older')} />
    </Stack>
  );
}

function EntryView({ entry, users }: { entry: TimelineEntry; users: TimelinePage['users'] }) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  const formatTime = useFormatTime();
  const actor =
    entry.actor && ((entry.actor.id && users[entry.actor.id]?.displayName) || entry.actor.username);
  const person = entry.person && (entry.person.name || entry.person.pseudonym);
  const details = entryDetails(t, labels, entry);
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Text size="sm" fw={700}>
          {entryTitle(t, entry.type)}
        </Text>
        {entry.source === 'audit' && (
          <Badge size="xs" variant="light" color="gray">
            {t('victims.timeline.audit')}
          </Badge>
        )}
      </Group>
      {details.length > 0 && <Text size="sm">{details.join(' · ')}</Text>}
      {entry.text && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {entry.text}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {[formatTime(entry.at), actor, person].filter(Boolean).join(' · ')}
      </Text>
    </Stack>
  );
}
