import { Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../common/errors.ts';
import { federationKeys, pingPeer } from './api.ts';
import type { Peer } from './schema.ts';

/** Queues a signed test message to the peer; the outbox below shows whether it went. */
export function PingButton({ peer }: { peer: Peer }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const ping = useMutation({
    mutationFn: () => pingPeer(peer.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: federationKeys.status }),
  });
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        variant="light"
        onClick={() => ping.mutate()}
        loading={ping.isPending}
        data-testid="peer-ping"
      >
        {t('admin.federation.peers.ping')}
      </Button>
      {ping.isSuccess && (
        <Text size="xs" c="teal" data-testid="peer-ping-queued">
          {t('admin.federation.peers.pinged')}
        </Text>
      )}
      {ping.isError && (
        <Text size="xs" c="red" role="alert">
          {describe(ping.error)}
        </Text>
      )}
    </Group>
  );
}
