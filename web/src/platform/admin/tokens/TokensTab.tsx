import { Badge, Button, Code, Group, Modal, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatTime } from '../../common/format.ts';
import { QueryState } from '../../common/QueryState.tsx';
import { useTokens, useUsers } from '../queries.ts';
import type { Token } from '../schema.ts';
import { RevokeToken } from './RevokeToken.tsx';
import { TokenCreateForm } from './TokenCreateForm.tsx';

type Dialog = { kind: 'create' } | { kind: 'revoke'; token: Token } | null;

export function TokensTab() {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const tokens = useTokens();
  const users = useUsers();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const owner = (id: string | null | undefined) =>
    users.data?.find((user) => user.id === id)?.username ?? id ?? '';

  return (
    <>
      <Group justify="flex-end" mb="md">
        <Button onClick={() => setDialog({ kind: 'create' })} data-testid="create-token">
          {t('admin.tokens.create')}
        </Button>
      </Group>
      <QueryState query={tokens} empty={t('admin.tokens.empty')}>
        {(list) => (
          <Table.ScrollContainer minWidth={1100}>
            <Table striped highlightOnHover data-testid="tokens-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.tokens.name')}</Table.Th>
                  <Table.Th>{t('admin.tokens.owner')}</Table.Th>
                  <Table.Th>{t('admin.tokens.prefix')}</Table.Th>
                  <Table.Th>{t('admin.tokens.scopes')}</Table.Th>
                  <Table.Th>{t('admin.tokens.createdAt')}</Table.Th>
                  <Table.Th>{t('admin.tokens.expiresAt')}</Table.Th>
                  <Table.Th>{t('admin.tokens.lastUsedAt')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((token) => {
                  const status = tokenStatus(token);
                  return (
                    <Table.Tr key={token.id}>
                      <Table.Td>{token.name}</Table.Td>
                      <Table.Td>{owner(token.userId)}</Table.Td>
                      <Table.Td>{token.prefix && <Code>{token.prefix}</Code>}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{token.scopes.join(', ')}</Text>
                      </Table.Td>
                      <Table.Td>{formatTime(token.createdAt)}</Table.Td>
                      <Table.Td>{formatTime(token.expiresAt)}</Table.Td>
                      <Table.Td>{formatTime(token.lastUsedAt)}</Table.Td>
                      <Table.Td>
                        <Badge color={status === 'active' ? 'green' : 'gray'}>
                          {t(`admin.tokens.${status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {status !== 'revoked' && (
                          <Button
                            size="xs"
                            variant="light"
                            color="red"
                            onClick={() => setDialog({ kind: 'revoke', token })}
                            aria-label={`${t('admin.tokens.revoke')}: ${token.name}`}
                          >
                            {t('admin.tokens.revoke')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialog?.kind === 'revoke' ? t('admin.tokens.revokeTitle') : t('admin.tokens.createTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        // The secret is shown once: closing by a stray click outside would lose it.
        closeOnClickOutside={false}
      >
        {dialog?.kind === 'create' && <TokenCreateForm onDone={close} />}
        {dialog?.kind === 'revoke' && (
          <RevokeToken key={dialog.token.id} token={dialog.token} onDone={close} />
        )}
      </Modal>
    </>
  );
}

function tokenStatus(token: Token): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'active';
}
