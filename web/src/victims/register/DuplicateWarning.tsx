import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../platform/session/context.ts';
import { useVictimLabels } from '../labels.ts';
import { mayReadIdentity } from '../roles.ts';
import type { Draft } from './draft.ts';
import { checkBodyOf, checkDuplicates } from './duplicates.ts';

const levelColor = { high: 'red', medium: 'orange', low: 'gray' } as const;

/**
 * Persons already registered who may be this one, so the officer does not register — and
 * interview — the same person twice. The check is an identity read, so for caseworkers only; a
 * match opens in a new tab and the draft stays.
 */
export function DuplicateWarning({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  const { user } = useSession();
  const body = checkBodyOf(draft);
  // Debounced as text: the draft's object is new on every render.
  const key = JSON.stringify(body);
  const [settled] = useDebouncedValue(key, 600);
  const allowed = mayReadIdentity(user.roles) && body !== null;
  const check = useQuery({
    queryKey: ['victims', 'duplicates', 'check', settled],
    queryFn: () => (body ? checkDuplicates(body) : Promise.resolve([])),
    enabled: allowed && settled === key,
    placeholderData: keepPreviousData,
  });
  const candidates = allowed ? (check.data ?? []) : [];
  if (candidates.length === 0) return null;
  return (
    <Alert
      color="yellow"
      title={t('victims.register.duplicates', { count: candidates.length })}
      data-testid="duplicate-warning"
    >
      <Text size="sm">{t('victims.register.duplicatesHelp')}</Text>
      <Stack gap={4} mt="xs">
        {candidates.map(({ person, evidence }) => (
          <Group key={person.id} gap="xs" wrap="wrap">
            <Badge size="xs" color={levelColor[evidence.level]}>
              {t(`victims.register.likelihood.${evidence.level}`)}
            </Badge>
            <Anchor
              component={Link}
              to={`/victims/persons/${person.id}`}
              target="_blank"
              rel="noopener"
              size="sm"
            >
              {person.name || person.pseudonym}
            </Anchor>
            <Text size="xs" c="dimmed">
              {[
                labels.date(person.registeredOn),
                ...evidence.reasons
                  .filter((r) => r.match !== 'differs')
                  .map((r) => t(`victims.register.signals.${r.signal}`)),
              ].join(' · ')}
            </Text>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
