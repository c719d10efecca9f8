import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../platform/common/QueryState.tsx';
import { consentKeys, listConsents } from './api.ts';
import { ConsentCard } from './ConsentCard.tsx';
import { ConsentFormView } from './ConsentFormView.tsx';

/** A person's consents, newest first: record one, see each one's state, withdraw. */
export function ConsentPanel({ personId, title }: { personId: string; title?: string }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const list = { queryKey: consentKeys.list(personId), queryFn: () => listConsents(personId) };
  const consents = useQuery({ ...list, select: (answer) => answer.consents });
  // A person merged away (a tombstone) takes no new consent; the ones it gave can still be withdrawn.
  const merged = useQuery({ ...list, select: (answer) => answer.mergedInto });
  const mayRecord = merged.isSuccess && merged.data === null;
  const titleId = `consents-${personId}`;
  return (
    <Stack
      component="section"
      aria-labelledby={titleId}
      gap="sm"
      data-testid="consent-panel"
      data-person-id={personId}
    >
      <Group justify="space-between">
        <Title order={2} size="h3" id={titleId}>
          {title ?? t('victims.consent.title')}
        </Title>
        {mayRecord && !adding && (
          <Button variant="light" onClick={() => setAdding(true)} data-testid="consent-add">
            {t('victims.consent.add')}
          </Button>
        )}
      </Group>
      {merged.data && (
        <Text size="sm" c="dimmed" data-testid="consent-merged-away">
          {t('victims.consent.mergedAway')}{' '}
          <Anchor component={Link} to={`/victims/persons/${merged.data}`} data-testid="consent-survivor">
            {t('victims.consent.openSurvivor')}
          </Anchor>
        </Text>
      )}
      {mayRecord && adding && (
        <Card withBorder padding="sm">
          <ConsentFormView personId={personId} onDone={() => setAdding(false)} />
        </Card>
      )}
      <QueryState query={consents} empty={t('victims.consent.none')}>
        {(list) => (
          <Stack gap="xs" data-testid="consent-list">
            {list.map((consent) => (
              <ConsentCard key={consent.id} consent={consent} personId={personId} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
