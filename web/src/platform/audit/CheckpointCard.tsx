import { Alert, Badge, Button, Card, Code, Group, Loader, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useFormatTime } from '../common/format.ts';
import { hasAnyRole } from '../roles.ts';
import { useSession } from '../session/context.ts';
import { auditKeys, createCheckpoint, fetchLatestCheckpoint } from './api.ts';
import type { Checkpoint } from './schema.ts';

export function CheckpointCard() {
  const { t } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const latest = useQuery({ queryKey: auditKeys.latestCheckpoint, queryFn: fetchLatestCheckpoint });
  const create = useMutation({
    mutationFn: createCheckpoint,
    onSuccess: async (created) => {
      queryClient.setQueryData(auditKeys.latestCheckpoint, created);
      await queryClient.invalidateQueries({ queryKey: ['audit', 'entries'] });
    },
  });

  return (
    <Card withBorder data-testid="checkpoint-card" component="section" aria-labelledby="checkpoint-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="checkpoint-title">
          {t('audit.checkpoint.title')}
        </Title>
        {hasAnyRole(user.roles, ['administrator']) && (
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            {t('audit.checkpoint.create')}
          </Button>
        )}
      </Group>
      {create.isSuccess && (
        <Alert color="green" role="status" mb="sm">
          {t('audit.checkpoint.created')}
        </Alert>
      )}
      <ErrorAlert error={create.error} />
      {latest.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ErrorAlert error={latest.error} />
      {latest.data === null && <Text c="dimmed">{t('audit.checkpoint.none')}</Text>}
      {latest.data && <CheckpointFacts checkpoint={latest.data} />}
    </Card>
  );
}

function CheckpointFacts({ checkpoint }: { checkpoint: Checkpoint }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const signed = Boolean(checkpoint.signature);
  return (
    <Table variant="vertical" layout="fixed">
      <Table.Tbody>
        <Table.Tr>
          <Table.Th w={180}>{t('audit.checkpoint.treeSize')}</Table.Th>
          <Table.Td data-testid="checkpoint-tree-size">{checkpoint.treeSize}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>{t('audit.checkpoint.rootHash')}</Table.Th>
          <Table.Td>
            <Code style={{ wordBreak: 'break-all' }} data-testid="checkpoint-root-hash">
              {checkpoint.rootHash}
            </Code>
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>{t('audit.checkpoint.time')}</Table.Th>
          <Table.Td>{formatTime(checkpoint.timestamp)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>{t('audit.checkpoint.signature')}</Table.Th>
          <Table.Td>
            <Badge color={signed ? 'green' : 'red'}>{signed ? t('common.yes') : t('common.no')}</Badge>
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
