import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { SecretValue } from '../common/SecretValue.tsx';
import { disableTotp, enableTotp, meQueryKey, setUpTotp } from '../session/api.ts';
import { useSession } from '../session/context.ts';

/** Two-factor authentication: set up (secret shown as text), confirm with a code, or turn off. */
export function TotpSection() {
  const { t } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [notice, setNotice] = useState<'enabledNow' | 'disabledNow' | null>(null);
  const refreshSession = () => queryClient.invalidateQueries({ queryKey: meQueryKey });

  const setup = useMutation({ mutationFn: setUpTotp, onSuccess: () => setNotice(null) });
  const toggle = useMutation({
    mutationFn: () => (user.totpEnabled ? disableTotp(code.trim()) : enableTotp(code.trim())),
    onSuccess: async () => {
      setNotice(user.totpEnabled ? 'disabledNow' : 'enabledNow');
      setCode('');
      setup.reset();
      await refreshSession();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    toggle.mutate();
  };

  const codeForm = (
    <form onSubmit={submit}>
      <Stack>
        <TextInput
          label={t('account.totp.code')}
          description={user.totpEnabled ? t('account.totp.disableHelp') : undefined}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={10}
          required
        />
        <ErrorAlert error={toggle.error} labels={{ code: t('account.totp.code') }} />
        <Group>
          <Button type="submit" loading={toggle.isPending} color={user.totpEnabled ? 'red' : undefined}>
            {user.totpEnabled ? t('account.totp.disable') : t('account.totp.enable')}
          </Button>
        </Group>
      </Stack>
    </form>
  );

  return (
    <section>
      <Title order={3} size="h4" mb="sm">
        {t('account.totp.title')}
      </Title>
      <Stack>
        {notice && (
          <Alert color="green" role="status">
            {t(`account.totp.${notice}`)}
          </Alert>
        )}
        <Text>{user.totpEnabled ? t('account.totp.on') : t('account.totp.off')}</Text>
        {user.totpEnabled && codeForm}
        {!user.totpEnabled && !setup.data && (
          <Group>
            <Button variant="light" onClick={() => setup.mutate()} loading={setup.isPending}>
              {t('account.totp.setup')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={setup.error} />
        {!user.totpEnabled && setup.data && (
          <>
            <Text size="sm">{t('account.totp.instructions')}</Text>
            <SecretValue label={t('account.totp.url')} value={setup.data.otpauthUrl} />
            <SecretValue label={t('account.totp.secret')} value={setup.data.secret} />
            {codeForm}
          </>
        )}
      </Stack>
    </section>
  );
}
