import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { useFormatTime } from '../../platform/common/format.ts';
import { useSession } from '../../platform/session/context.ts';
import { victimsKeys } from '../api.ts';
import { consentKeys } from '../consent/api.ts';
import { confirmMerge, mergeKeys, rejectMerge, unmergeMerge } from './api.ts';
import { confirmMode } from './logic.ts';
import { PersonLink } from './PersonLink.tsx';
import { Reasons } from './Reasons.tsx';
import type { Merge } from './schema.ts';

const statusColor = { proposed: 'blue', merged: 'orange', rejected: 'gray', unmerged: 'gray' } as const;

type Action = 'confirm' | 'reject' | 'unmerge';

/** One merge: who survives, who was merged away, why, who decided; and the step this reader may take. */
export function MergeCard({ merge, nameOf }: { merge: Merge; nameOf: (id: string | null) => string }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const { user } = useSession();
  const alone = confirmMode(merge, user.id) === 'alone';
  const by = (key: 'proposedBy' | 'decidedBy' | 'unmergedBy', id: string | null, at: string | null) =>
    at && t(`victims.merges.card.${key}`, { name: nameOf(id), date: formatTime(at) });
  return (
    <Card
      withBorder
      padding="xs"
      data-testid="merge-card"
      data-merge-id={merge.id}
      data-status={merge.status}
      data-self-confirmed={merge.selfConfirmed}
    >
      <Stack gap={6}>
        <Group gap="xs">
          <Badge size="sm" variant="light" color={statusColor[merge.status]}>
            {t(`victims.merges.statuses.${merge.status}`)}
          </Badge>
          {merge.selfConfirmed && (
            <Badge size="sm" color="orange" data-testid="merge-self-confirmed">
              {t('victims.merges.card.selfConfirmed')}
            </Badge>
          )}
        </Group>
        <Group gap={6} wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('victims.merges.card.merged')}
          </Text>
          <PersonLink id={merge.mergedId} testId="merge-merged" />
          <Text size="sm" c="dimmed">
            → {t('victims.merges.card.survivor')}
          </Text>
          <PersonLink id={merge.survivorId} testId="merge-survivor" />
        </Group>
        <Reasons evidence={merge.evidence} />
        <Labelled label={t('victims.merges.card.reason')} value={merge.reason} />
        <Labelled label={t('victims.merges.card.note')} value={merge.decisionNote} />
        <Labelled label={t('victims.merges.card.unmergeReason')} value={merge.unmergeReason} />
        <Text size="xs" c="dimmed">
          {[
            by('proposedBy', merge.proposedBy, merge.proposedAt),
            by('decidedBy', merge.decidedBy, merge.decidedAt),
            by('unmergedBy', merge.unmergedBy, merge.unmergedAt),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {merge.integrity.status === 'tampered' && (
          <Alert color="red" p="xs">
            <Text size="xs">{t('victims.merges.card.tampered')}</Text>
          </Alert>
        )}
        {merge.status === 'proposed' && alone && (
          <Text size="xs" c="orange" data-testid="merge-yours">
            {t('victims.merges.card.yours')}
          </Text>
        )}
        <MergeActions merge={merge} alone={alone} />
      </Stack>
    </Card>
  );
}

function Labelled({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
      <Text span size="sm" fw={700}>
        {label}:
      </Text>{' '}
      {value}
    </Text>
  );
}

/** What the text of each step is called, and whether it is required (src/victims/duplicates/schema.ts). */
function noteOf(action: Action, alone: boolean) {
  if (action === 'confirm') {
    return alone
      ? ({ label: 'victims.merges.aloneNote', required: true } as const)
      : ({ label: 'victims.merges.actions.confirmNote', required: false } as const);
  }
  if (action === 'reject') return { label: 'victims.merges.actions.rejectNote', required: true } as const;
  return { label: 'victims.merges.actions.unmergeReason', required: true } as const;
}

function MergeActions({ merge, alone }: { merge: Merge; alone: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action | null>(null);
  const [text, setText] = useState('');
  const step = useMutation({
    mutationFn: ({ action, text }: { action: Action; text: string }) => {
      if (action === 'confirm') return confirmMerge(merge.id, text || undefined);
      if (action === 'reject') return rejectMerge(merge.id, text);
      return unmergeMerge(merge.id, text);
    },
    onSuccess: async () => {
      setAction(null);
      setText('');
      await queryClient.invalidateQueries({ queryKey: mergeKeys.all });
      await queryClient.invalidateQueries({ queryKey: victimsKeys.persons });
      await queryClient.invalidateQueries({ queryKey: consentKeys.all });
    },
  });
  const available: Action[] =
    merge.status === 'proposed' ? ['confirm', 'reject'] : merge.status === 'merged' ? ['unmerge'] : [];
  if (available.length === 0) return null;
  const note = action && noteOf(action, alone);
  const start = (next: Action) => {
    step.reset();
    setText('');
    setAction(next);
  };
  return (
    <Stack gap="xs">
      <Group gap={4}>
        {available.map((a) => (
          <Button
            key={a}
            size="compact-sm"
            variant={a === action ? 'filled' : a === 'confirm' ? 'light' : 'default'}
            onClick={() => start(a)}
            data-testid={`merge-${a}`}
          >
            {t(
              a === 'confirm' && alone
                ? 'victims.merges.actions.confirmAlone'
                : `victims.merges.actions.${a}`,
            )}
          </Button>
        ))}
      </Group>
      {action && note && (
        <Stack gap="xs" data-testid="merge-step-form" data-action={action}>
          <Textarea
            label={t(note.label)}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
            required={note.required}
            data-testid="merge-step-text"
          />
          <Group gap="xs">
            <Button
              size="compact-sm"
              color={action === 'confirm' ? undefined : 'gray'}
              disabled={note.required && !text.trim()}
              loading={step.isPending}
              onClick={() => step.mutate({ action, text: text.trim() })}
              data-testid="merge-step-submit"
            >
              {t(
                action === 'confirm' && alone
                  ? 'victims.merges.actions.confirmAlone'
                  : `victims.merges.actions.${action}`,
              )}
            </Button>
            <Button size="compact-sm" variant="default" onClick={() => setAction(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
      <ErrorAlert
        error={step.error}
        labels={note ? { note: t(note.label), reason: t(note.label) } : undefined}
      />
    </Stack>
  );
}
