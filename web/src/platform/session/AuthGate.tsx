import { Button, Center, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { ForcedPasswordChange } from '../login/ForcedPasswordChange.tsx';
import { LoginPage } from '../login/LoginPage.tsx';
import { Shell } from '../shell/Shell.tsx';
import { fetchSession, meQueryKey } from './api.ts';
import { SessionContext } from './context.ts';

/** Shows the login page, the forced password change, or the shell, from GET /api/auth/me. */
export function AuthGate() {
  const { t } = useTranslation();
  const me = useQuery({ queryKey: meQueryKey, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });

  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center h="100vh" p="md">
        <Stack>
          <ErrorAlert error={me.error} />
          <Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (!me.data) return <LoginPage />;
  return (
    <SessionContext.Provider value={me.data}>
      {me.data.user.mustChangePassword ? <ForcedPasswordChange /> : <Shell />}
    </SessionContext.Provider>
  );
}
