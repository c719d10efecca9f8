import { Button, Group, Select, Stack, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../platform/common/ErrorAlert.tsx';
import { actOn, referralKeys } from './api.ts';
import { type Referral, STEP_STATUSES, STEPS } from './schema.ts';

function useAct(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: string; body: unknown }) => actOn(id, action, body),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: referralKeys.all }),
  });
}

/** Accept or decline (a reason is required to decline), then steps, updates and closure. */
export function IncomingActions({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const act = useAct(referral.id);
  const [note, setNote] = useState('');
  const [step, setStep] = useState<string | null>(STEPS[0]);
  const [stepStatus, setStepStatus] = useState<string | null>('done');
  const text = note.trim();
  const run = (action: string, body: unknown) =>
    act.mutate({ action, body }, { onSuccess: () => setNote('') });
  const deciding = referral.status === 'sent' || referral.status === 'received';
  const working = referral.status === 'accepted' || referral.status === 'in_progress';
  if (!deciding && !working) return null;
  const noteLabel = t(deciding ? 'referrals.actions.reason' : 'referrals.actions.note');
  return (
    <Stack data-testid="incoming-actions">
      <Title order={4}>{t(deciding ? 'referrals.actions.decide' : 'referrals.actions.progress')}</Title>
      <Textarea
        label={noteLabel}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        maxLength={2000}
        autosize
        minRows={2}
        data-testid="referral-note"
      />
      {deciding && (
        <Group>
          <Button
            color="teal"
            onClick={() => run('decision', { decision: 'accept', ...(text ? { note: text } : {}) })}
            loading={act.isPending}
            data-testid="referral-accept"
          >
            {t('referrals.actions.accept')}
          </Button>
          <Button
            color="orange"
            variant="light"
            disabled={!text}
            onClick={() => run('decision', { decision: 'decline', reason: text })}
            loading={act.isPending}
            data-testid="referral-decline"
          >
            {t('referrals.actions.decline')}
          </Button>
        </Group>
      )}
      {working && (
        <>
          <Group align="flex-end">
            <Select
              label={t('victims.plans.step')}
              data={STEPS.map((s) => ({ value: s, label: t(`victims.values.jar_RepatriationStep.${s}`) }))}
              value={step}
              onChange={setStep}
              allowDeselect={false}
              data-testid="referral-step"
            />
            <Select
              label={t('common.status')}
              data={STEP_STATUSES.map((s) => ({ value: s, label: t(`referrals.stepStatuses.${s}`) }))}
              value={stepStatus}
              onChange={setStepStatus}
              allowDeselect={false}
              data-testid="referral-step-status"
            />
            <Button
              onClick={() =>
                run('status', { event: 'step', step, stepStatus, ...(text ? { note: text } : {}) })
              }
              loading={act.isPending}
              disabled={!step || !stepStatus}
              data-testid="referral-record-step"
            >
              {t('referrals.actions.recordStep')}
            </Button>
          </Group>
          <Group>
            <Button
              variant="light"
              disabled={!text}
              onClick={() => run('status', { event: 'reintegration', note: text })}
              data-testid="referral-reintegration"
            >
              {t('referrals.actions.reintegration')}
            </Button>
            <Button
              color="green"
              onClick={() => run('status', { event: 'completed', ...(text ? { note: text } : {}) })}
              data-testid="referral-complete"
            >
              {t('referrals.actions.complete')}
            </Button>
            <Button
              color="dark"
              variant="light"
              disabled={!text}
              onClick={() => run('status', { event: 'closed', note: text })}
              data-testid="referral-close"
            >
              {t('referrals.actions.close')}
            </Button>
          </Group>
        </>
      )}
      <ErrorAlert
        error={act.error}
        labels={{
          note: noteLabel,
          reason: noteLabel,
          step: t('victims.plans.step'),
          stepStatus: t('common.status'),
        }}
      />
    </Stack>
  );
}

/** The sending side's acts: send a draft; share the latest assessment again. */
export function OutgoingActions({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const act = useAct(referral.id);
  const open = ['sent', 'received', 'accepted', 'in_progress'].includes(referral.status);
  return (
    <Stack gap="xs">
      <Group>
        {referral.status === 'draft' && (
          <Button
            onClick={() => act.mutate({ action: 'send', body: {} })}
            loading={act.isPending}
            data-testid="referral-send"
          >
            {t('referrals.actions.send')}
          </Button>
        )}
        {open && (
          <Button
            variant="light"
            onClick={() => act.mutate({ action: 'share-assessment', body: {} })}
            loading={act.isPending}
            data-testid="referral-share-assessment"
          >
            {t('referrals.actions.shareAssessment')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={act.error} />
    </Stack>
  );
}
