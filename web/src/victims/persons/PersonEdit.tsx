import { Alert, Anchor, Button, Card, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { fetchPerson, updatePerson, victimsKeys } from '../api.ts';
import { useCatalogue } from '../catalogue.ts';
import { type Draft, draftIssues, type Step } from '../register/draft.ts';
import { ExploitationStep } from '../register/ExploitationStep.tsx';
import { IdentityStep } from '../register/IdentityStep.tsx';
import { personFieldLabels } from '../register/labels.ts';
import { VulnerabilityStep } from '../register/VulnerabilityStep.tsx';
import type { Person } from '../schema.ts';
import { changesOf, draftOf, hasChanges, survivorOf } from './edit.ts';
import { personName } from './PersonPage.tsx';

/** /victims/persons/:id/edit — the registration's fields, filled in; only what changed is sent. */
export function PersonEdit() {
  const { id = '' } = useParams();
  const person = useQuery({ queryKey: victimsKeys.person(id), queryFn: () => fetchPerson(id) });
  if (person.isPending) {
    return (
      <Center p="lg">
        <Loader />
      </Center>
    );
  }
  if (person.isError) return <ErrorAlert error={person.error} />;
  return <EditForm person={person.data} />;
}

function EditForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const catalogue = useCatalogue();
  const [before] = useState(() => draftOf(person));
  const [draft, setDraft] = useState<Draft>(before);
  const victim = person.victim !== null;
  const body = changesOf(before, draft, victim);
  const issues = draftIssues(draft);
  const back = `/victims/persons/${person.id}`;
  const save = useMutation({
    mutationFn: () => updatePerson(person.id, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(victimsKeys.person(person.id), saved);
      await queryClient.invalidateQueries({ queryKey: victimsKeys.persons });
      navigate(back);
    },
  });
  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const issue = (field: keyof Draft) => {
    const found = issues.find((i) => i.field === field);
    return found && t(`victims.register.issues.${found.problem}`);
  };
  const steps: Step[] = victim
    ? ['identity', 'exploitation', 'vulnerability']
    : ['identity', 'vulnerability'];
  const props = { draft, update, issue, editing: true, victim };
  return (
    <Stack maw={720} data-testid="person-edit" data-person-id={person.id}>
      <div>
        <Anchor component={Link} to={back} size="sm">
          ← {personName(person)}
        </Anchor>
        <Title order={2}>{t('victims.edit.title', { name: personName(person) })}</Title>
      </div>
      <ErrorAlert error={catalogue.error} />
      {steps.map((step) => (
        <Card
          key={step}
          withBorder
          padding="sm"
          component="section"
          aria-label={t(`victims.register.steps.${step}`)}
        >
          <Title order={3} size="h4" mb="sm">
            {t(`victims.register.steps.${step}`)}
          </Title>
          {step === 'identity' && <IdentityStep {...props} />}
          {step === 'exploitation' && <ExploitationStep {...props} />}
          {step === 'vulnerability' && <VulnerabilityStep {...props} />}
        </Card>
      ))}
      <SaveError error={save.error} />
      <Group grow>
        <Button variant="default" component={Link} to={back}>
          {t('common.cancel')}
        </Button>
        <Button
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={issues.length > 0 || !hasChanges(body)}
          data-testid="person-save"
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A merged-away person takes no changes (409 `merged`): said plainly, with the way to the survivor. */
function SaveError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 409 && error.code === 'merged') {
    const survivor = survivorOf(error.fields, error.message);
    return (
      <Alert color="orange" title={t('victims.edit.mergedTitle')} role="alert" data-testid="person-merged">
        <Text size="sm">{t('victims.edit.mergedHelp')}</Text>
        {survivor && (
          <Anchor
            component={Link}
            to={`/victims/persons/${survivor}`}
            size="sm"
            data-testid="person-survivor"
          >
            {t('victims.edit.openSurvivor')}
          </Anchor>
        )}
      </Alert>
    );
  }
  if (error instanceof ApiError && error.status === 409 && error.code === 'tampered') {
    return (
      <Alert color="red" title={t('victims.person.tampered')} role="alert">
        {t('victims.edit.tamperedHelp', { fields: error.fields.map((f) => f.path).join(', ') })}
      </Alert>
    );
  }
  return <ErrorAlert error={error} title={t('victims.edit.failed')} labels={personFieldLabels(t)} />;
}
