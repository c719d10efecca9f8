import { Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../account/ChangePasswordForm.tsx';
import { meQueryKey } from '../session/api.ts';
import { useLogout } from '../session/useLogout.ts';
import { AuthLayout } from './AuthLayout.tsx';

/** Shown after login while the account still has a password it must change. */
export function ForcedPasswordChange() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const logout = useLogout();
  return (
    <AuthLayout title={t('password.title')}>
      <Text size="sm" mb="md">
        {t('password.mustChange')}
      </Text>
      <ChangePasswordForm onChanged={() => queryClient.invalidateQueries({ queryKey: meQueryKey })} />
      <Group justify="flex-end" mt="md">
        <Button variant="subtle" onClick={() => logout.mutate()} loading={logout.isPending}>
          {t('common.logout')}
        </Button>
      </Group>
    </AuthLayout>
  );
}
