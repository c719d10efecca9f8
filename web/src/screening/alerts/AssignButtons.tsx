import { Button, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { useSession } from '../../platform/session/context.ts';
import { assignAlert, screeningKeys } from '../api.ts';
import type { AlertDetail } from '../schema.ts';

/** Take an open alert, or let it go back to the queue. */
export function AssignButtons({ alert }: { alert: AlertDetail }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const assign = useMutation({
    mutationFn: (assigneeId: string | null) => assignAlert(alert.id, assigneeId),
    onSuccess: async (updated) => {
      queryClient.setQueryData(screeningKeys.alert(alert.id, i18n.language), updated);
      await queryClient.invalidateQueries({ queryKey: [...screeningKeys.alerts, 'list'] });
    },
  });
  if (alert.status !== 'open') return null;
  const mine = alert.assigneeId === user.id;
  return (
    <Group gap="xs">
      {!mine && (
        <Button
          variant="light"
          onClick={() => assign.mutate(user.id)}
          loading={assign.isPending}
          data-testid="assign-me"
        >
          {t('screening.alerts.assignToMe')}
        </Button>
      )}
      {alert.assigneeId && (
        <Button
          variant="default"
          onClick={() => assign.mutate(null)}
          loading={assign.isPending}
          data-testid="unassign"
        >
          {t('screening.alerts.unassign')}
        </Button>
      )}
      <ErrorAlert error={assign.error} labels={{ assigneeId: t('screening.alerts.assignee') }} />
    </Group>
  );
}
