import { Alert, Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatTime } from '../../platform/common/format.ts';
import { fetchMergedRecords, mergeKeys } from './api.ts';
import { groupOf, labelOf } from './logic.ts';
import { PersonLink } from './PersonLink.tsx';
import type { MergedRecords } from './schema.ts';

/** The person's merged group (caseworkers): whether it was merged away, and who was merged into it. */
export const useMergeGroup = (personId: string, enabled: boolean) =>
  useQuery({
    queryKey: mergeKeys.records(personId),
    queryFn: () => fetchMergedRecords(personId),
    enabled,
  });

/** On a merged-away person (a tombstone): where its record lives now. */
export function MergedBanner({ survivorId }: { survivorId: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t('victims.merges.banner.title')} role="alert" data-testid="merged-banner">
      <Stack gap={4}>
        <Group gap={6} wrap="wrap">
          <Text size="sm">{t('victims.merges.banner.into')}</Text>
          <PersonLink id={survivorId} testId="merged-survivor" />
        </Group>
        <Text size="sm">{t('victims.merges.banner.help')}</Text>
      </Stack>
    </Alert>
  );
}

/** On a survivor: the records merged into it, each with what stays attached to it. */
export function MergedRecordsSection({ records }: { records: MergedRecords }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const group = groupOf(records);
  if (group.mergedAway || group.absorbed.length === 0) return null;
  return (
    <Card
      withBorder
      padding="sm"
      component="section"
      aria-labelledby="merged-records-title"
      data-testid="merged-records"
    >
      <Stack gap="xs">
        <Title order={3} size="h4" id="merged-records-title">
          {t('victims.merges.records.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('victims.merges.records.help')}
        </Text>
        {group.absorbed.map(({ person, mergedAt }) => (
          <Stack key={person.id} gap={0} data-testid="merged-record" data-person-id={person.id}>
            <Anchor component={Link} to={`/victims/persons/${person.id}`} size="sm" fw={700}>
              {labelOf(person)}
            </Anchor>
            <Text size="xs" c="dimmed">
              {[
                mergedAt && t('victims.merges.records.mergedAt', { date: formatTime(mergedAt) }),
                t('victims.merges.records.counts', group.count(person.id)),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
