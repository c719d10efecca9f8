import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { errorCode } from '../common/errors.ts';
import { type Credentials, logIn, meQueryKey } from '../session/api.ts';
import { AuthLayout } from './AuthLayout.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [askTotp, setAskTotp] = useState(false);
  const totpInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (askTotp) totpInput.current?.focus();
  }, [askTotp]);

  const login = useMutation({
    mutationFn: async (credentials: Credentials) => {
      await logIn(credentials);
      // /api/auth/me also names the node; the gate moves on once it answers.
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
    onError: (error) => {
      if (errorCode(error) === 'totp_required') setAskTotp(true);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = totp.trim();
    login.mutate({ username: username.trim(), password, ...(askTotp && code ? { totp: code } : {}) });
  };

  const needsCode = errorCode(login.error) === 'totp_required';
  return (
    <AuthLayout title={t('login.title')}>
      <Text size="sm" c="dimmed" mb="md">
        {t('login.subtitle')}
      </Text>
      <form onSubmit={submit} data-testid="login-form">
        <Stack>
          <TextInput
            label={t('common.username')}
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
          <PasswordInput
            label={t('common.password')}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            autoComplete="current-password"
            required
          />
          {askTotp && (
            <TextInput
              label={t('login.totp')}
              description={t('login.totpHelp')}
              value={totp}
              onChange={(event) => setTotp(event.currentTarget.value)}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={10}
              ref={totpInput}
            />
          )}
          {needsCode ? (
            <Alert color="blue" role="status">
              {t('errors.totp_required')}
            </Alert>
          ) : (
            <ErrorAlert
              error={login.error}
              labels={{
                username: t('common.username'),
                password: t('common.password'),
                totp: t('login.totp'),
              }}
            />
          )}
          <Button type="submit" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
