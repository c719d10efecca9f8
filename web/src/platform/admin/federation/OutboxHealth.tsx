import { Alert, Button, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { useFormatTime } from '../../common/format.ts';
import { federationKeys, retryDeadLetter, useOutboxStatus, usePeers } from './api.ts';
import { Fact } from './parts.tsx';
import type { DeadLetter } from './schema.ts';

/** The alert an administrator cannot miss: messages given up after repeated failures. */
export function OutboxAlert() {
  const { t } = useTranslation();
  const dead = useOutboxStatus().data?.outbox.dead ?? 0;
  if (dead === 0) return null;
  return (
    <Alert color="red" title={t('admin.federation.outbox.deadAlertTitle')} data-testid="outbox-dead-alert">
      {t('admin.federation.outbox.deadAlert', { n: dead })}
    </Alert>
  );
}

/** Pending and dead counts, the oldest waiting message, and the dead letters to send again. */
export function OutboxHealth() {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const status = useOutboxStatus();
  if (status.isError) return <ErrorAlert error={status.error} />;
  if (!status.data) return null;
  const { outbox, deadLetters } = status.data;
  return (
    <Stack data-testid="outbox-health" data-pending={outbox.pending} data-dead={outbox.dead}>
      <Card withBorder>
        <Title order={3}>{t('admin.federation.outbox.title')}</Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs">
          <Fact
            label={t('admin.federation.outbox.pending')}
            value={String(outbox.pending)}
            testId="outbox-pending"
          />
          <Fact label={t('admin.federation.outbox.dead')} value={String(outbox.dead)} testId="outbox-dead" />
          <Fact label={t('admin.federation.outbox.delivered')} value={String(outbox.delivered)} />
          <Fact
            label={t('admin.federation.outbox.oldest')}
            value={outbox.oldestPendingAt ? formatTime(outbox.oldestPendingAt) : t('common.none')}
          />
        </SimpleGrid>
      </Card>
      {deadLetters.length > 0 && <DeadLetters letters={deadLetters} />}
    </Stack>
  );
}

function DeadLetters({ letters }: { letters: readonly DeadLetter[] }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const peers = usePeers();
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: (id: string) => retryDeadLetter(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: federationKeys.status }),
  });
  const peerName = (id: string) => {
    const peer = peers.data?.find((p) => p.id === id);
    return peer ? `${peer.name} (${peer.country})` : id;
  };
  return (
    <Stack gap="xs">
      <Title order={4}>{t('admin.federation.outbox.deadLetters')}</Title>
      <ErrorAlert error={retry.error} />
      <Table.ScrollContainer minWidth={900}>
        <Table striped data-testid="dead-letters">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.federation.outbox.peer')}</Table.Th>
              <Table.Th>{t('admin.federation.outbox.type')}</Table.Th>
              <Table.Th>{t('admin.federation.outbox.attempts')}</Table.Th>
              <Table.Th>{t('admin.federation.outbox.error')}</Table.Th>
              <Table.Th>{t('admin.federation.outbox.deadAt')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {letters.map((d) => (
              <Table.Tr key={d.id} data-testid="dead-letter" data-letter-id={d.id}>
                <Table.Td>{peerName(d.peerId)}</Table.Td>
                <Table.Td>{d.type}</Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ wordBreak: 'break-word' }}>
                    {d.lastError ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>{formatTime(d.deadAt ?? d.createdAt)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => retry.mutate(d.id)}
                    loading={retry.isPending && retry.variables === d.id}
                    data-testid="dead-retry"
                  >
                    {t('admin.federation.outbox.retry')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
