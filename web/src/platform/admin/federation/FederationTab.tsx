import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InvitationAccept } from './InvitationAccept.tsx';
import { InvitationCreate } from './InvitationCreate.tsx';
import { NodeCard } from './NodeCard.tsx';
import { OutboxAlert, OutboxHealth } from './OutboxHealth.tsx';
import { PeersTable } from './PeersTable.tsx';

type Dialog = 'invite' | 'accept' | null;

/** Peering with other countries' nodes (README "Peering two nodes"), the peers, and the outbox. */
export function FederationTab() {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  return (
    <Stack data-testid="federation-tab">
      <OutboxAlert />
      <NodeCard />
      <Group>
        <Button onClick={() => setDialog('invite')} data-testid="invitation-create">
          {t('admin.federation.invite.action')}
        </Button>
        <Button variant="light" onClick={() => setDialog('accept')} data-testid="invitation-accept">
          {t('admin.federation.accept.action')}
        </Button>
      </Group>
      <PeersTable />
      <OutboxHealth />
      <Modal
        opened={dialog !== null}
        onClose={close}
        size="xl"
        title={dialog === 'accept' ? t('admin.federation.accept.title') : t('admin.federation.invite.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        // The invitation is shown once: a stray click outside must not lose it.
        closeOnClickOutside={false}
      >
        {dialog === 'invite' && <InvitationCreate onDone={close} />}
        {dialog === 'accept' && <InvitationAccept onDone={close} />}
      </Modal>
    </Stack>
  );
}
