import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { useFormatTime } from '../../common/format.ts';
import { SecretValue } from '../../common/SecretValue.tsx';
import { createInvitation } from './api.ts';

/** Makes a one-time invitation and shows it once, with its expiry, to hand over like a password. */
export function InvitationCreate({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const [note, setNote] = useState('');
  const create = useMutation({ mutationFn: () => createInvitation(note.trim()) });

  if (create.data) {
    return (
      <Stack data-testid="invitation-created">
        <Alert color="yellow" title={t('admin.federation.invite.warningTitle')}>
          {t('admin.federation.invite.warning')}
        </Alert>
        <SecretValue
          label={t('admin.federation.invite.text')}
          value={create.data.invitation}
          testId="invitation-text"
        />
        <Text size="sm" data-testid="invitation-expires">
          {t('admin.federation.invite.expires', { time: formatTime(create.data.expiresAt) })}
        </Text>
        <Group justify="flex-end">
          <Button onClick={onDone} data-testid="invitation-done">
            {t('admin.federation.invite.done')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <Textarea
          label={t('admin.federation.invite.note')}
          description={t('admin.federation.invite.noteHelp')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          data-testid="invitation-note"
        />
        <ErrorAlert error={create.error} labels={{ note: t('admin.federation.invite.note') }} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="invitation-create-submit">
            {t('admin.federation.invite.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
