import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { useFormatTime } from '../../platform/common/format.ts';
import { type Decision, isConflict, reviewAlert, screeningKeys } from '../api.ts';
import type { AlertDetail } from '../schema.ts';

/** Confirm or dismiss an open alert with a reason (the reviews train the next model); or the outcome. */
export function ReviewSection({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const titleId = useId();
  const [decision, setDecision] = useState<Decision | null>(null);
  // A 409 means someone reviewed it first: their decision shows, and so does why ours was refused.
  const [conflict, setConflict] = useState<unknown>(null);

  return (
    <Stack component="section" aria-labelledby={titleId} gap="sm">
      <Title order={3} size="h4" id={titleId}>
        {t('screening.review.title')}
      </Title>
      <ErrorAlert error={conflict} />
      {alert.status !== 'open' ? (
        <Alert
          color={alert.status === 'confirmed' ? 'red' : 'gray'}
          data-testid="review-outcome"
          title={
            alert.status === 'confirmed'
              ? t('screening.review.confirmedOn', { time: formatTime(alert.reviewedAt) })
              : t('screening.review.dismissedOn', { time: formatTime(alert.reviewedAt) })
          }
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {alert.reviewReason ?? ''}
          </Text>
        </Alert>
      ) : decision ? (
        <ReviewForm
          alert={alert}
          decision={decision}
          onCancel={() => setDecision(null)}
          onConflict={setConflict}
        />
      ) : (
        <Group>
          <Button color="red" onClick={() => setDecision('confirmed')} data-testid="confirm-alert">
            {t('screening.review.confirm')}
          </Button>
          <Button variant="default" onClick={() => setDecision('dismissed')} data-testid="dismiss-alert">
            {t('screening.review.dismiss')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

type FormProps = {
  alert: AlertDetail;
  decision: Decision;
  onCancel: () => void;
  onConflict: (error: unknown) => void;
};

function ReviewForm({ alert, decision, onCancel, onConflict }: FormProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const review = useMutation({
    mutationFn: () => reviewAlert(alert.id, decision, reason.trim()),
    onSuccess: (updated) => queryClient.setQueryData(screeningKeys.alert(alert.id, i18n.language), updated),
    onError: async (error) => {
      if (!isConflict(error)) return;
      onConflict(error);
      await queryClient.invalidateQueries({ queryKey: screeningKeys.alert(alert.id, i18n.language) });
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: [...screeningKeys.alerts, 'list'] });
      await queryClient.invalidateQueries({ queryKey: screeningKeys.models });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim()) review.mutate();
  };
  return (
    <form onSubmit={submit} data-testid="review-form" data-decision={decision}>
      <Stack>
        <Text fw={700}>
          {decision === 'confirmed' ? t('screening.review.confirmTitle') : t('screening.review.dismissTitle')}
        </Text>
        <Textarea
          label={t('screening.review.reason')}
          description={t('screening.review.reasonHelp')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={3}
          required
          data-autofocus
        />
        <ErrorAlert error={review.error} labels={{ reason: t('screening.review.reason') }} />
        <Group>
          <Button
            type="submit"
            color={decision === 'confirmed' ? 'red' : undefined}
            loading={review.isPending}
            disabled={!reason.trim()}
            data-testid="submit-review"
          >
            {t('screening.review.submit')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
