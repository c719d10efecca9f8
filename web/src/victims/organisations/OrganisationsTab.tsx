import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { MoreButton } from '../../platform/common/MoreButton.tsx';
import { useSession } from '../../platform/session/context.ts';
import { useVictimLabels } from '../labels.ts';
import { mayWriteOrganisations } from '../roles.ts';
import { listOrganisations, type Organisation, organisationKeys } from './api.ts';
import { OrganisationForm } from './OrganisationForm.tsx';

/** The agency's organisations (places and service providers), by name; caseworkers add and edit them. */
export function OrganisationsTab() {
  const { t } = useTranslation();
  const { user } = useSession();
  const writer = mayWriteOrganisations(user.roles);
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  // Each page asked is an audited read on the server: search once the typing pauses.
  const [term] = useDebouncedValue(name.trim(), 300);
  const pages = useInfiniteQuery({
    queryKey: organisationKeys.list(term),
    queryFn: ({ pageParam }) => listOrganisations(term, pageParam || undefined),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const organisations = pages.data?.pages.flatMap((page) => page.organisations) ?? [];
  return (
    <Stack data-testid="organisations-tab">
      <Group align="end">
        <TextInput
          label={t('common.search')}
          placeholder={t('victims.organisations.search')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          style={{ flex: 1 }}
        />
        {writer && editing === null && (
          <Button onClick={() => setEditing('new')} data-testid="organisation-new">
            {t('victims.organisations.new')}
          </Button>
        )}
      </Group>
      {editing !== null && (
        <OrganisationForm
          key={editing === 'new' ? 'new' : editing.id}
          organisation={editing === 'new' ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      )}
      <ErrorAlert error={pages.error} />
      {pages.data && organisations.length === 0 && (
        <Text c="dimmed">{term ? t('victims.organisations.none') : t('victims.organisations.empty')}</Text>
      )}
      {organisations.length > 0 && (
        <OrganisationsTable organisations={organisations} onEdit={writer ? setEditing : undefined} />
      )}
      <MoreButton pages={pages} label={t('victims.search.more')} />
    </Stack>
  );
}

function OrganisationsTable({
  organisations,
  onEdit,
}: {
  organisations: readonly Organisation[];
  onEdit: ((o: Organisation) => void) | undefined;
}) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped data-testid="organisations-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('victims.organisations.name')}</Table.Th>
            <Table.Th>{t('victims.organisations.type')}</Table.Th>
            <Table.Th>{t('victims.organisations.city')}</Table.Th>
            <Table.Th>{t('victims.organisations.phone')}</Table.Th>
            {onEdit && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {organisations.map((o) => (
            <Table.Tr key={o.id} data-organisation-id={o.id}>
              <Table.Td>{o.name}</Table.Td>
              <Table.Td>{o.type ? labels.value('org_Type', o.type) : ''}</Table.Td>
              <Table.Td>
                {[o.city, o.country && labels.country(o.country)].filter(Boolean).join(', ')}
              </Table.Td>
              <Table.Td>{o.phone}</Table.Td>
              {onEdit && (
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" onClick={() => onEdit(o)}>
                    {t('common.edit')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
