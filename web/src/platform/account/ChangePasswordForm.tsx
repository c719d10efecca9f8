import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { changePassword } from '../session/api.ts';

type Props = { onChanged?: () => Promise<void> | void };

/** The server's minimum (MIN_PASSWORD_LENGTH in src/platform/auth/passwords.ts), said before sending. */
const MIN_PASSWORD_LENGTH = 12;

export function ChangePasswordForm({ onChanged }: Props) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat.length > 0 && next !== repeat;

  const change = useMutation({
    mutationFn: async () => {
      await changePassword(current, next);
      await onChanged?.();
    },
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (next !== repeat) return;
    change.mutate();
  };

  return (
    <form onSubmit={submit} data-testid="change-password-form">
      <Stack>
        <PasswordInput
          label={t('password.current')}
          value={current}
          onChange={(event) => setCurrent(event.currentTarget.value)}
          autoComplete="current-password"
          required
        />
        <PasswordInput
          label={t('password.new')}
          description={t('password.hint', { minimum: MIN_PASSWORD_LENGTH })}
          value={next}
          onChange={(event) => setNext(event.currentTarget.value)}
          autoComplete="new-password"
          required
        />
        <PasswordInput
          label={t('password.confirm')}
          value={repeat}
          onChange={(event) => setRepeat(event.currentTarget.value)}
          autoComplete="new-password"
          error={mismatch ? t('password.mismatch') : undefined}
          required
        />
        <ErrorAlert
          error={change.error}
          labels={{ currentPassword: t('password.current'), newPassword: t('password.new') }}
        />
        {change.isSuccess && (
          <Alert color="green" role="status">
            {t('password.changed')}
          </Alert>
        )}
        <Button type="submit" loading={change.isPending} disabled={mismatch}>
          {t('password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
