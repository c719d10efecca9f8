import { Button, Card, Radio, Select, Stack, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAgencies } from '../../platform/admin/queries.ts';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { useSession } from '../../platform/session/context.ts';
import { victimsKeys } from '../api.ts';
import { type AnswerState, answersFor } from './answers.ts';
import { identificationKeys, recordAssessment } from './api.ts';
import { type Decision, decisions, type IndicatorSet, type SubjectAge } from './schema.ts';

type Props = {
  personId: string;
  subjectAge: SubjectAge;
  sets: readonly IndicatorSet[];
  answers: AnswerState;
};

/** The officer's decision, the deciding organisation and the rationale; recorded with the answers. */
export function DecisionForm({ personId, subjectAge, sets, answers }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const agencies = useAgencies();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [agencyId, setAgencyId] = useState(user.agencyId ?? '');
  const [rationale, setRationale] = useState('');
  const record = useMutation({
    mutationFn: (chosen: Decision) =>
      recordAssessment(personId, {
        subjectAge,
        sets: sets.map((set) => answersFor(set, answers)),
        decision: chosen,
        ...(agencyId && agencyId !== user.agencyId && { decidingAgencyId: agencyId }),
        rationale: rationale.trim(),
      }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(identificationKeys.one(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: identificationKeys.list(personId) });
      await queryClient.invalidateQueries({ queryKey: victimsKeys.person(personId) });
      await queryClient.invalidateQueries({ queryKey: victimsKeys.caseManagement });
      navigate(`/victims/persons/${personId}?assessment=${saved.id}`);
    },
  });
  const complete = decision !== null && rationale.trim().length > 0;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (decision && complete) record.mutate(decision);
  };
  return (
    <Card withBorder padding="sm" component="form" onSubmit={submit} data-testid="decision-form">
      <Stack>
        <Title order={3} size="h4">
          {t('victims.assess.decisionTitle')}
        </Title>
        <Radio.Group
          label={t('victims.assess.decision')}
          value={decision ?? ''}
          onChange={(value) => setDecision(decisions.find((d) => d === value) ?? null)}
          required
        >
          <Stack gap="xs" mt="xs">
            {decisions.map((d) => (
              <Radio key={d} value={d} label={t(`victims.decisions.${d}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Select
          label={t('victims.assess.decidingAgency')}
          data={(agencies.data ?? []).map((agency) => ({ value: agency.id, label: agency.name }))}
          value={agencyId || null}
          onChange={(value) => setAgencyId(value ?? '')}
          searchable
          allowDeselect={false}
        />
        <Textarea
          label={t('victims.assess.rationale')}
          description={t('victims.assess.rationaleHelp')}
          value={rationale}
          onChange={(event) => setRationale(event.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={10_000}
          required
        />
        <ErrorAlert
          error={record.error}
          labels={{
            subjectAge: t('victims.assess.subjectAge'),
            sets: t('victims.assess.sets'),
            decision: t('victims.assess.decision'),
            decidingAgencyId: t('victims.assess.decidingAgency'),
            rationale: t('victims.assess.rationale'),
          }}
        />
        <Button type="submit" loading={record.isPending} disabled={!complete} data-testid="assessment-submit">
          {t('victims.assess.submit')}
        </Button>
      </Stack>
    </Card>
  );
}
