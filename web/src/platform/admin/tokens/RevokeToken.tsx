import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { adminKeys, revokeToken } from '../api.ts';
import type { Token } from '../schema.ts';

export function RevokeToken({ token, onDone }: { token: Token; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokeToken(token.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.tokens });
      onDone();
    },
  });
  return (
    <Stack>
      <Text>{t('admin.tokens.revokeConfirm', { name: token.name })}</Text>
      <ErrorAlert error={revoke.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={() => revoke.mutate()} loading={revoke.isPending}>
          {t('admin.tokens.revoke')}
        </Button>
      </Group>
    </Stack>
  );
}
