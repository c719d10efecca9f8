import { Alert, Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { changePeerStatus, federationKeys } from './api.ts';
import type { Peer, PeerStatus } from './schema.ts';

export type StatusChange = 'suspend' | 'resume' | 'revoke';
const target: Record<StatusChange, PeerStatus> = {
  suspend: 'suspended',
  resume: 'active',
  revoke: 'revoked',
};

/** Suspends, resumes or revokes a peer, with the reason the audit log keeps; revoking is confirmed. */
export function PeerStatusForm({
  peer,
  change,
  onDone,
}: {
  peer: Peer;
  change: StatusChange;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [understood, setUnderstood] = useState(false);
  const apply = useMutation({
    mutationFn: () => changePeerStatus(peer.id, target[change], reason.trim()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: federationKeys.all });
      onDone();
    },
  });
  const names = { name: peer.name, country: peer.country };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim() && (change !== 'revoke' || understood)) apply.mutate();
  };
  return (
    <form onSubmit={submit} data-testid="peer-status-form">
      <Stack>
        {change === 'revoke' ? (
          <Alert color="red" title={t('admin.federation.change.finalTitle')}>
            {t('admin.federation.change.revokeWarning', names)}
          </Alert>
        ) : (
          <Text>{t(`admin.federation.change.${change}Help`, names)}</Text>
        )}
        <Textarea
          label={t('admin.federation.change.reason')}
          description={t('admin.federation.change.reasonHelp')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
          required
          data-testid="peer-status-reason"
        />
        {change === 'revoke' && (
          <Checkbox
            label={t('admin.federation.change.revokeConfirm')}
            checked={understood}
            onChange={(event) => setUnderstood(event.currentTarget.checked)}
            data-testid="peer-revoke-confirm"
          />
        )}
        <ErrorAlert error={apply.error} labels={{ reason: t('admin.federation.change.reason') }} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color={change === 'resume' ? 'teal' : 'red'}
            loading={apply.isPending}
            disabled={!reason.trim() || (change === 'revoke' && !understood)}
            data-testid="peer-status-submit"
          >
            {t(`admin.federation.peers.${change}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
