import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../platform/common/QueryState.tsx';
import { fetchCandidates, teamKeys } from '../cases/team-api.ts';
import { listMerges, mergeKeys } from './api.ts';
import { splitMerges } from './logic.ts';
import { MergeCard } from './MergeCard.tsx';

/** /victims/merges (caseworkers): proposals waiting for a second caseworker, then the history. */
export function MergesTab() {
  const { t } = useTranslation();
  const pending = useQuery({ queryKey: mergeKeys.list('proposed'), queryFn: () => listMerges('proposed') });
  const all = useQuery({
    queryKey: mergeKeys.list('any'),
    queryFn: () => listMerges(undefined),
    select: (merges) => splitMerges(merges).history,
  });
  // The agency's users, to name who proposed and decided (the case-team candidates: caseworkers may ask).
  const users = useQuery({ queryKey: teamKeys.candidates, queryFn: fetchCandidates, staleTime: 60_000 });
  const nameOf = (id: string | null) =>
    (id && users.data?.find((u) => u.id === id)?.displayName) || t('victims.merges.card.someone');
  return (
    <Stack data-testid="merges-tab">
      <Stack gap="xs" component="section" aria-labelledby="merges-pending-title">
        <Title order={2} size="h3" id="merges-pending-title">
          {t('victims.merges.tab.pending')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('victims.merges.tab.pendingHelp')}
        </Text>
        <QueryState query={pending} empty={t('victims.merges.tab.nonePending')}>
          {(merges) => (
            <Stack gap="xs" data-testid="merges-pending">
              {merges.map((merge) => (
                <MergeCard key={merge.id} merge={merge} nameOf={nameOf} />
              ))}
            </Stack>
          )}
        </QueryState>
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="merges-history-title">
        <Title order={2} size="h3" id="merges-history-title">
          {t('victims.merges.tab.history')}
        </Title>
        <QueryState query={all} empty={t('victims.merges.tab.noneHistory')}>
          {(merges) => (
            <Stack gap="xs" data-testid="merges-history">
              {merges.map((merge) => (
                <MergeCard key={merge.id} merge={merge} nameOf={nameOf} />
              ))}
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Stack>
  );
}
