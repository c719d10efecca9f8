import { Anchor, Center, Checkbox, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { NotFound } from '../../platform/shell/ErrorPages.tsx';
import { fetchPerson, victimsKeys } from '../api.ts';
import { useVictimLabels } from '../labels.ts';
import type { Person } from '../schema.ts';
import { type AnswerState, answerMap, suggestedSets } from './answers.ts';
import { useIndicatorSets } from './api.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { LiveResult } from './LiveResult.tsx';
import { scoreLive, setsFor } from './live.ts';
import { NonPunishmentFlag } from './NonPunishmentFlag.tsx';
import { SetForm } from './SetForm.tsx';
import { type SetsAnswer, type SubjectAge, subjectAges } from './schema.ts';

/** /victims/persons/:id/assess — the identification assessment of one person. */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const person = useQuery({ queryKey: victimsKeys.person(id), queryFn: () => fetchPerson(id) });
  const sets = useIndicatorSets();
  if (person.isPending || sets.isPending) {
    return (
      <Center p="lg">
        <Loader />
      </Center>
    );
  }
  if (person.isError) return <ErrorAlert error={person.error} />;
  if (sets.isError) return <ErrorAlert error={sets.error} />;
  if (!id) return <NotFound />;
  return <AssessmentForm person={person.data} catalog={sets.data} />;
}

function initialAge(person: Person): SubjectAge | null {
  const age = person.profile.ageAtRegistration;
  if (age === null || age === undefined) return null;
  return age < 18 ? 'child' : 'adult';
}

function AssessmentForm({ person, catalog }: { person: Person; catalog: SetsAnswer }) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  const [age, setAge] = useState<SubjectAge | null>(() => initialAge(person));
  const [chosen, setChosen] = useState<string[]>(() =>
    suggestedSets(catalog.sets, person.victim?.typeOfExploitation ?? []),
  );
  const [answers, setAnswers] = useState<AnswerState>({});
  const available = age ? setsFor(catalog.sets, age) : [];
  const selected = available.filter((set) => chosen.includes(set.id));
  const flagged = selected.flatMap((set) =>
    scoreLive(set, answerMap(answers, set.id)).nonPunishment.map((indicator) => ({
      key: `${set.id}:${indicator.id}`,
      ...labels.text(indicator.labels),
    })),
  );
  const name = person.identity
    ? [person.identity.firstName, person.identity.secondName].filter(Boolean).join(' ')
    : '';

  return (
    <Stack maw={860} data-testid="assessment-form">
      <div>
        <Anchor component={Link} to={`/victims/persons/${person.id}`} size="sm">
          ← {name || person.pseudonym}
        </Anchor>
        <Title order={2}>{t('victims.assess.title')}</Title>
      </div>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="assess-age">
          {t('victims.assess.subjectAge')}
        </Text>
        <SegmentedControl
          fullWidth
          aria-labelledby="assess-age"
          value={age ?? ''}
          onChange={(value) => setAge(subjectAges.find((a) => a === value) ?? null)}
          data={subjectAges.map((a) => ({ value: a, label: t(`victims.ages.${a}`) }))}
          data-testid="assess-age"
        />
        {age === 'presumed_child' && (
          <Text size="xs" c="dimmed">
            {t('victims.assess.presumedChildHelp')}
          </Text>
        )}
      </Stack>
      {age && (
        <Checkbox.Group
          label={t('victims.assess.sets')}
          description={t('victims.assess.setsHelp')}
          value={chosen}
          onChange={setChosen}
          data-testid="assess-sets"
        >
          <Stack gap="xs" mt="xs">
            {available.map((set) => {
              const label = labels.text(set.labels);
              return (
                <Checkbox key={set.id} value={set.id} label={<span lang={label.lang}>{label.text}</span>} />
              );
            })}
          </Stack>
        </Checkbox.Group>
      )}
      {flagged.length > 0 && (
        <NonPunishmentFlag reference={catalog.nonPunishment} because={flagged} testId="live-non-punishment" />
      )}
      {selected.map((set) => (
        <SetForm key={set.id} set={set} answers={answers} onChange={setAnswers} />
      ))}
      {selected.length > 0 && <LiveResult sets={selected} answers={answers} />}
      {age && selected.length > 0 && (
        <DecisionForm personId={person.id} subjectAge={age} sets={selected} answers={answers} />
      )}
    </Stack>
  );
}
