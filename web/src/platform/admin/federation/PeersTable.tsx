import { Badge, Button, Code, Group, Modal, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatTime } from '../../common/format.ts';
import { QueryState } from '../../common/QueryState.tsx';
import { usePeers } from './api.ts';
import { PeerStatusForm, type StatusChange } from './PeerStatusForm.tsx';
import { PingButton } from './PingButton.tsx';
import { useCountryName } from './parts.tsx';
import type { Peer } from './schema.ts';

const COLORS = { active: 'green', suspended: 'orange', revoked: 'gray' } as const;

/** The peer nodes: who they are, their fingerprint and status, and what the admin can do with each. */
export function PeersTable() {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const country = useCountryName();
  const peers = usePeers();
  const [dialog, setDialog] = useState<{ peer: Peer; change: StatusChange } | null>(null);
  const action = (peer: Peer, change: StatusChange) => (
    <Button
      size="xs"
      variant="light"
      color={change === 'resume' ? 'teal' : change === 'revoke' ? 'red' : 'orange'}
      onClick={() => setDialog({ peer, change })}
      data-testid={`peer-${change}`}
    >
      {t(`admin.federation.peers.${change}`)}
    </Button>
  );
  return (
    <>
      <Title order={3}>{t('admin.federation.peers.title')}</Title>
      <QueryState query={peers} empty={t('admin.federation.peers.empty')}>
        {(list) => (
          <Table.ScrollContainer minWidth={1000}>
            <Table striped data-testid="peers-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.federation.country')}</Table.Th>
                  <Table.Th>{t('admin.federation.name')}</Table.Th>
                  <Table.Th>{t('admin.federation.url')}</Table.Th>
                  <Table.Th>{t('admin.federation.fingerprint')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((peer) => (
                  <Table.Tr
                    key={peer.id}
                    data-testid="peer-row"
                    data-peer-id={peer.id}
                    data-country={peer.country}
                    data-status={peer.status}
                  >
                    <Table.Td>{country(peer.country)}</Table.Td>
                    <Table.Td>{peer.name}</Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{peer.baseUrl}</Table.Td>
                    <Table.Td>
                      <Code data-testid="peer-fingerprint">{peer.fingerprint}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={COLORS[peer.status]} variant="light" data-testid="peer-status">
                        {t(`admin.federation.peers.statuses.${peer.status}`)}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {peer.statusReason ??
                          t('admin.federation.peers.since', { time: formatTime(peer.createdAt) })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        {peer.status === 'active' && <PingButton peer={peer} />}
                        {peer.status === 'active' && action(peer, 'suspend')}
                        {peer.status === 'suspended' && action(peer, 'resume')}
                        {peer.status !== 'revoked' && action(peer, 'revoke')}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog && t(`admin.federation.change.${dialog.change}Title`, { name: dialog.peer.name })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {dialog && (
          <PeerStatusForm
            key={`${dialog.peer.id}-${dialog.change}`}
            peer={dialog.peer}
            change={dialog.change}
            onDone={() => setDialog(null)}
          />
        )}
      </Modal>
    </>
  );
}
