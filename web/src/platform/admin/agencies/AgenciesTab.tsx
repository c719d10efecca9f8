import { Button, Group, Modal, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatTime } from '../../common/format.ts';
import { QueryState } from '../../common/QueryState.tsx';
import { useSession } from '../../session/context.ts';
import { isOrgType } from '../orgTypes.ts';
import { useAgencies } from '../queries.ts';
import type { Agency } from '../schema.ts';
import { AgencyForm } from './AgencyForm.tsx';

type Editing = { mode: 'create' } | { mode: 'edit'; agency: Agency } | null;

export function AgenciesTab() {
  const { t } = useTranslation();
  const { node } = useSession();
  const formatTime = useFormatTime();
  const agencies = useAgencies();
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);

  return (
    <>
      <Group justify="flex-end" mb="md">
        <Button onClick={() => setEditing({ mode: 'create' })}>{t('admin.agencies.create')}</Button>
      </Group>
      <QueryState query={agencies} empty={t('admin.agencies.empty')}>
        {(list) => (
          <Table.ScrollContainer minWidth={600}>
            <Table striped highlightOnHover data-testid="agencies-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.agencies.name')}</Table.Th>
                  <Table.Th>{t('admin.agencies.orgType')}</Table.Th>
                  <Table.Th>{t('admin.agencies.country')}</Table.Th>
                  <Table.Th>{t('admin.agencies.createdAt')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((agency) => (
                  <Table.Tr key={agency.id}>
                    <Table.Td>{agency.name}</Table.Td>
                    <Table.Td>
                      {isOrgType(agency.orgType) ? t(`orgTypes.${agency.orgType}`) : agency.orgType}
                    </Table.Td>
                    <Table.Td>{agency.country}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatTime(agency.createdAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setEditing({ mode: 'edit', agency })}
                        aria-label={`${t('common.edit')}: ${agency.name}`}
                      >
                        {t('common.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <Modal
        opened={editing !== null}
        onClose={close}
        title={editing?.mode === 'edit' ? t('admin.agencies.editTitle') : t('admin.agencies.createTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing && (
          <AgencyForm
            key={editing.mode === 'edit' ? editing.agency.id : 'new'}
            agency={editing.mode === 'edit' ? editing.agency : undefined}
            defaultCountry={node?.country ?? ''}
            onDone={close}
          />
        )}
      </Modal>
    </>
  );
}
