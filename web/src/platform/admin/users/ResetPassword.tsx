import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { SecretValue } from '../../common/SecretValue.tsx';
import { adminKeys, resetPassword } from '../api.ts';
import type { User } from '../schema.ts';

/** Asks to confirm, then shows the temporary password once; it is never fetched again. */
export function ResetPassword({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const reset = useMutation({
    mutationFn: () => resetPassword(user.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });

  if (reset.data) {
    return (
      <Stack>
        <Alert color="yellow">{t('admin.users.temporaryPasswordNote', { name: user.displayName })}</Alert>
        <SecretValue
          label={t('admin.users.temporaryPassword')}
          value={reset.data}
          testId="temporary-password"
        />
        <Group justify="flex-end">
          <Button onClick={onDone}>{t('common.close')}</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack>
      <Text>{t('admin.users.resetConfirm', { name: user.displayName })}</Text>
      <ErrorAlert error={reset.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={() => reset.mutate()} loading={reset.isPending}>
          {t('admin.users.resetPassword')}
        </Button>
      </Group>
    </Stack>
  );
}
