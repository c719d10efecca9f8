import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../platform/common/QueryState.tsx';
import { useVictimLabels } from '../labels.ts';
import { fetchDuplicates, mergeKeys } from './api.ts';
import { labelOf, survivorOfError } from './logic.ts';
import { MergedBanner } from './MergeGroup.tsx';
import { ProposeMerge } from './ProposeMerge.tsx';
import { Reasons } from './Reasons.tsx';
import type { Candidate, Merge } from './schema.ts';

/** Registered persons who may be this one, with why each matched, and the way to propose a merge. */
export function DuplicatesSection({ person }: { person: { id: string; name: string } }) {
  const { t } = useTranslation();
  const [proposing, setProposing] = useState<Candidate | null>(null);
  const [done, setDone] = useState<Merge | null>(null);
  const duplicates = useQuery({
    queryKey: mergeKeys.duplicates(person.id),
    queryFn: () => fetchDuplicates(person.id),
    retry: (count, error) => survivorOfError(error) === null && count < 2,
  });
  // The person was merged away since the page learned its group: the server's 409 names the survivor.
  const survivorId = survivorOfError(duplicates.error);
  if (survivorId) return <MergedBanner survivorId={survivorId} />;
  return (
    <Card
      withBorder
      padding="sm"
      component="section"
      aria-labelledby="person-duplicates-title"
      data-testid="person-duplicates"
    >
      <Stack gap="xs">
        <Title order={3} size="h4" id="person-duplicates-title">
          {t('victims.merges.duplicates.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('victims.merges.duplicates.help')}
        </Text>
        {done && <ProposedNotice merge={done} />}
        <QueryState query={duplicates} empty={t('victims.merges.duplicates.none')}>
          {(candidates) => (
            <Stack gap="xs">
              {candidates.map((candidate) => (
                <CandidateRow
                  key={candidate.person.id}
                  candidate={candidate}
                  onPropose={() => {
                    setDone(null);
                    setProposing(candidate);
                  }}
                />
              ))}
            </Stack>
          )}
        </QueryState>
      </Stack>
      {proposing && (
        <ProposeMerge
          thisPerson={person}
          other={{ id: proposing.person.id, name: labelOf(proposing.person) }}
          onClose={() => setProposing(null)}
          onDone={(merge) => {
            setProposing(null);
            setDone(merge);
          }}
        />
      )}
    </Card>
  );
}

function CandidateRow({ candidate, onPropose }: { candidate: Candidate; onPropose: () => void }) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  const { person, evidence } = candidate;
  return (
    <Card withBorder padding="xs" data-testid="duplicate-candidate" data-person-id={person.id}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={4} style={{ flex: '1 1 12rem', minWidth: 0 }}>
          <Anchor
            component={Link}
            to={`/victims/persons/${person.id}`}
            size="sm"
            fw={700}
            style={{ overflowWrap: 'anywhere' }}
          >
            {labelOf(person)}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t('victims.merges.duplicates.registered', { date: labels.date(person.registeredOn) })}
          </Text>
          <Reasons evidence={evidence} />
        </Stack>
        <Button size="compact-sm" variant="light" onClick={onPropose} data-testid="merge-propose">
          {t('victims.merges.propose.open')}
        </Button>
      </Group>
    </Card>
  );
}

function ProposedNotice({ merge }: { merge: Merge }) {
  const { t } = useTranslation();
  const merged = merge.status === 'merged';
  return (
    <Alert color={merged ? 'orange' : 'blue'} data-testid="merge-proposed" data-status={merge.status}>
      <Text size="sm">
        {t(merged ? 'victims.merges.propose.mergedNow' : 'victims.merges.propose.proposed')}
      </Text>
      {!merged && (
        <Anchor component={Link} to="/victims/merges" size="sm">
          {t('victims.merges.propose.openMerges')}
        </Anchor>
      )}
    </Alert>
  );
}
