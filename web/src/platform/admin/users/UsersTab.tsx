import { Badge, Button, Group, Modal, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/QueryState.tsx';
import { useAgencies, useUsers } from '../queries.ts';
import type { User } from '../schema.ts';
import { ResetPassword } from './ResetPassword.tsx';
import { RoleBadges } from './RoleBadges.tsx';
import { UserCreateForm } from './UserCreateForm.tsx';
import { UserEditForm } from './UserEditForm.tsx';
import { UserStatus } from './UserStatus.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User } | null;

export function UsersTab() {
  const { t } = useTranslation();
  const users = useUsers();
  const agencies = useAgencies();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const agencyName = (id: string | null | undefined) =>
    agencies.data?.find((agency) => agency.id === id)?.name ?? id ?? '';
  const titles = {
    create: t('admin.users.createTitle'),
    edit: t('admin.users.editTitle'),
    reset: t('admin.users.resetPassword'),
  };

  return (
    <>
      <Group justify="flex-end" mb="md">
        <Button onClick={() => setDialog({ kind: 'create' })} data-testid="create-user">
          {t('admin.users.create')}
        </Button>
      </Group>
      <QueryState query={users} empty={t('admin.users.empty')}>
        {(list) => (
          <Table.ScrollContainer minWidth={1000}>
            <Table striped highlightOnHover data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.users.username')}</Table.Th>
                  <Table.Th>{t('admin.users.displayName')}</Table.Th>
                  <Table.Th>{t('admin.users.agency')}</Table.Th>
                  <Table.Th>{t('admin.users.roles')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th>{t('admin.users.totp')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((user) => (
                  <Table.Tr key={user.id} data-username={user.username}>
                    <Table.Td>{user.username}</Table.Td>
                    <Table.Td>{user.displayName}</Table.Td>
                    <Table.Td>{agencyName(user.agencyId)}</Table.Td>
                    <Table.Td>
                      <RoleBadges roles={user.roles} />
                    </Table.Td>
                    <Table.Td>
                      <UserStatus user={user} />
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color={user.totpEnabled ? 'green' : 'gray'}>
                        {user.totpEnabled ? t('common.yes') : t('common.no')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setDialog({ kind: 'edit', user })}
                          aria-label={`${t('common.edit')}: ${user.username}`}
                        >
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => setDialog({ kind: 'reset', user })}
                          aria-label={`${t('admin.users.resetPassword')}: ${user.username}`}
                        >
                          {t('admin.users.resetPassword')}
                        </Button>
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
        onClose={close}
        title={dialog ? titles[dialog.kind] : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {dialog?.kind === 'create' && <UserCreateForm onDone={close} />}
        {dialog?.kind === 'edit' && <UserEditForm key={dialog.user.id} user={dialog.user} onDone={close} />}
        {dialog?.kind === 'reset' && <ResetPassword key={dialog.user.id} user={dialog.user} onDone={close} />}
      </Modal>
    </>
  );
}
