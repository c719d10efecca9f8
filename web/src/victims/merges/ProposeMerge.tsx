import { Alert, Button, Checkbox, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { victimsKeys } from '../api.ts';
import { consentKeys } from '../consent/api.ts';
import { confirmMerge, mergeKeys, proposeMerge } from './api.ts';
import { type ProposalForm, pairOf, proposalIssues } from './logic.ts';
import type { Merge } from './schema.ts';

type Props = {
  thisPerson: { id: string; name: string };
  other: { id: string; name: string };
  onClose: () => void;
  onDone: (merge: Merge) => void;
};

const blank: ProposalForm = { survivor: 'this', reason: '', selfConfirm: false, note: '' };

/**
 * Proposes merging two records: which survives, and why. A second caseworker confirms it from the
 * Merges tab; where there is none, the proposer confirms it now with a note and the server flags it.
 */
export function ProposeMerge({ thisPerson, other, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ProposalForm>(blank);
  // Proposed but not yet confirmed (the confirmation failed): a retry confirms, it does not propose again.
  const [proposed, setProposed] = useState<Merge | null>(null);
  const issues = proposalIssues(form);
  const update = (patch: Partial<ProposalForm>) => setForm((current) => ({ ...current, ...patch }));
  const send = useMutation({
    mutationFn: async () => {
      const merge =
        proposed ??
        (await proposeMerge({
          ...pairOf(form.survivor, thisPerson.id, other.id),
          reason: form.reason.trim(),
        }));
      setProposed(merge);
      return form.selfConfirm ? confirmMerge(merge.id, form.note.trim()) : merge;
    },
    onSettled: async () => {
      // A failed confirmation may leave the proposal stored: the lists show it either way.
      await queryClient.invalidateQueries({ queryKey: mergeKeys.all });
      await queryClient.invalidateQueries({ queryKey: victimsKeys.persons });
      await queryClient.invalidateQueries({ queryKey: consentKeys.all });
    },
    onSuccess: onDone,
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('victims.merges.propose.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm" data-testid="merge-propose-form">
        <Radio.Group
          label={t('victims.merges.propose.survivor')}
          description={t('victims.merges.propose.survivorHelp')}
          value={form.survivor}
          onChange={(value) => update({ survivor: value === 'other' ? 'other' : 'this' })}
        >
          <Stack gap={6} mt="xs">
            <Radio
              value="this"
              label={t('victims.merges.propose.keepThis', { name: thisPerson.name })}
              disabled={proposed !== null}
              data-testid="merge-keep-this"
            />
            <Radio
              value="other"
              label={t('victims.merges.propose.keepOther', { name: other.name })}
              disabled={proposed !== null}
              data-testid="merge-keep-other"
            />
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('victims.merges.propose.reason')}
          description={t('victims.merges.propose.reasonHelp')}
          value={form.reason}
          onChange={(event) => update({ reason: event.currentTarget.value })}
          readOnly={proposed !== null}
          autosize
          minRows={2}
          maxLength={2000}
          required
          data-testid="merge-reason"
        />
        <Checkbox
          label={t('victims.merges.propose.selfConfirm')}
          description={t('victims.merges.propose.selfConfirmHelp')}
          checked={form.selfConfirm}
          onChange={(event) => update({ selfConfirm: event.currentTarget.checked })}
          data-testid="merge-self-confirm"
        />
        {form.selfConfirm && (
          <Textarea
            label={t('victims.merges.aloneNote')}
            value={form.note}
            onChange={(event) => update({ note: event.currentTarget.value })}
            autosize
            minRows={2}
            maxLength={2000}
            required
            data-testid="merge-self-note"
          />
        )}
        {form.selfConfirm && (
          <Alert color="orange" p="xs">
            <Text size="xs">{t('victims.merges.propose.selfConfirmWarning')}</Text>
          </Alert>
        )}
        <ErrorAlert
          error={send.error}
          title={proposed ? t('victims.merges.propose.confirmFailed') : undefined}
          labels={{
            survivorId: t('victims.merges.propose.survivor'),
            reason: t('victims.merges.propose.reason'),
            note: t('victims.merges.aloneNote'),
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => send.mutate()}
            loading={send.isPending}
            disabled={issues.length > 0}
            color={form.selfConfirm ? 'orange' : undefined}
            data-testid="merge-propose-submit"
          >
            {t(form.selfConfirm ? 'victims.merges.propose.submitSelf' : 'victims.merges.propose.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
