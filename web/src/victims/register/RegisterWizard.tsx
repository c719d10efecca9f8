import { Button, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api.ts';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { registerPerson, victimsKeys } from '../api.ts';
import { useCatalogue } from '../catalogue.ts';
import { type Draft, draftIssues, emptyDraft, type Step, stepOfPath, steps, toBody } from './draft.ts';
import { ExploitationStep } from './ExploitationStep.tsx';
import { IdentityStep } from './IdentityStep.tsx';
import { personFieldLabels } from './labels.ts';
import { ReviewStep } from './ReviewStep.tsx';
import { VulnerabilityStep } from './VulnerabilityStep.tsx';

/**
 * Registration in four short steps, for a phone in the field: identity, exploitation and
 * recruitment, vulnerability, then a review. Nothing is sent before the last step.
 */
export function RegisterWizard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const catalogue = useCatalogue();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft());
  const [index, setIndex] = useState(0);
  const step: Step = steps[index] ?? 'review';
  const issues = draftIssues(draft);
  const register = useMutation({
    mutationFn: () => registerPerson(toBody(draft)),
    onSuccess: async (person) => {
      await queryClient.invalidateQueries({ queryKey: victimsKeys.persons });
      navigate(`/victims/persons/${person.id}`);
    },
  });

  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const go = (next: Step) => {
    setIndex(steps.indexOf(next));
    window.scrollTo({ top: 0 });
  };
  const issue = (field: keyof Draft) => {
    const found = issues.find((i) => i.field === field);
    return found && t(`victims.register.issues.${found.problem}`);
  };
  const blocking = issues.filter((i) => i.step === step);
  const serverStep = register.error instanceof ApiError ? register.error.fields[0]?.path : undefined;

  return (
    <Stack maw={720} data-testid="register-wizard" data-step={step}>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t('victims.register.stepOf', { current: index + 1, total: steps.length })}
        </Text>
        <Title order={2} size="h3">
          {t(`victims.register.steps.${step}`)}
        </Title>
        <Progress value={((index + 1) / steps.length) * 100} size="sm" aria-hidden />
      </Stack>
      <ErrorAlert error={catalogue.error} />
      {step === 'identity' && <IdentityStep draft={draft} update={update} issue={issue} />}
      {step === 'exploitation' && <ExploitationStep draft={draft} update={update} issue={issue} />}
      {step === 'vulnerability' && <VulnerabilityStep draft={draft} update={update} issue={issue} />}
      {step === 'review' && <ReviewStep draft={draft} onEdit={go} />}
      {step === 'review' && (
        <ErrorAlert
          error={register.error}
          title={t('victims.register.failed')}
          labels={personFieldLabels(t)}
        />
      )}
      {step === 'review' && serverStep !== undefined && stepOfPath(serverStep) !== 'review' && (
        <Button variant="light" onClick={() => go(stepOfPath(serverStep))}>
          {t('victims.register.fixIn', { step: t(`victims.register.steps.${stepOfPath(serverStep)}`) })}
        </Button>
      )}
      <Group grow>
        <Button variant="default" disabled={index === 0} onClick={() => go(steps[index - 1] ?? 'identity')}>
          {t('common.back')}
        </Button>
        {step === 'review' ? (
          <Button
            onClick={() => register.mutate()}
            loading={register.isPending}
            disabled={issues.length > 0}
            data-testid="register-submit"
          >
            {t('victims.register.submit')}
          </Button>
        ) : (
          <Button
            onClick={() => go(steps[index + 1] ?? 'review')}
            disabled={blocking.length > 0}
            data-testid="register-next"
          >
            {t('victims.register.next')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
