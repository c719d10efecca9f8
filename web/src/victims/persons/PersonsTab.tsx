import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { MoreButton } from '../../platform/common/MoreButton.tsx';
import { listPersons, victimsKeys } from '../api.ts';
import { useVictimLabels } from '../labels.ts';
import type { PersonSummary } from '../schema.ts';
import { filtersFrom, matches, narrows, type PersonFilters, paramsFrom } from './filters.ts';
import { NameText, wrapAnywhere } from './NameText.tsx';
import { PersonFiltersBar } from './PersonFiltersBar.tsx';

/** Persons of the officer's agency, newest first (or most similar to a name), with filters. */
export function PersonsTab() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const name = filters.name ?? '';
  const pages = useInfiniteQuery({
    queryKey: victimsKeys.personList(name),
    queryFn: ({ pageParam }) => listPersons(name, pageParam || undefined),
    initialPageParam: '',
    // A name search answers one page, most similar first.
    getNextPageParam: (last) => (name ? undefined : (last.nextCursor ?? undefined)),
    placeholderData: keepPreviousData,
  });
  const loaded = pages.data?.pages.flatMap((page) => page.persons) ?? [];
  const shown = loaded.filter((person) => matches(person, filters));
  const setFilters = (next: PersonFilters) => setParams(paramsFrom(next), { replace: true });

  return (
    <Stack>
      <PersonFiltersBar filters={filters} onChange={setFilters} />
      <ErrorAlert error={pages.error} />
      {narrows(filters) && pages.data && (
        <Text size="sm" c="dimmed" data-testid="persons-count">
          {t('victims.search.shownOfLoaded', { shown: shown.length, loaded: loaded.length })}
        </Text>
      )}
      {pages.data && shown.length === 0 && <Text c="dimmed">{t('victims.search.noPersons')}</Text>}
      {shown.length > 0 && <PersonsTable persons={shown} />}
      <MoreButton pages={pages} label={t('victims.search.more')} testId="persons-more" />
    </Stack>
  );
}

function PersonsTable({ persons }: { persons: readonly PersonSummary[] }) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover data-testid="persons-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('victims.person.name')}</Table.Th>
            <Table.Th>{t('victims.person.registeredOn')}</Table.Th>
            <Table.Th>{t('victims.person.gender')}</Table.Th>
            <Table.Th>{t('victims.person.citizenship')}</Table.Th>
            <Table.Th>{t('victims.person.typeOfExploitation')}</Table.Th>
            <Table.Th>{t('victims.person.traffickingStatus')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {persons.map((person) => (
            <Table.Tr key={person.id} data-person-id={person.id}>
              <Table.Td style={wrapAnywhere}>
                <Anchor component={Link} to={`/victims/persons/${person.id}`}>
                  <NameText>{person.name || person.pseudonym}</NameText>
                </Anchor>
                <Group gap={4} mt={2}>
                  {person.isVictim && (
                    <Badge size="xs" variant="light">
                      {t('victims.person.victim')}
                    </Badge>
                  )}
                  {person.isPerpetrator && (
                    <Badge size="xs" variant="light" color="gray">
                      {t('victims.person.perpetrator')}
                    </Badge>
                  )}
                  {person.integrity?.status === 'tampered' && (
                    <Badge size="xs" color="red">
                      {t('victims.person.tampered')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{labels.date(person.registeredOn)}</Table.Td>
              <Table.Td>{person.gender ? labels.value('prs_Gender', person.gender) : ''}</Table.Td>
              <Table.Td>{person.citizenship.map(labels.country).join(', ')}</Table.Td>
              <Table.Td>{labels.values('vic_TypeOfExploitation', person.typeOfExploitation)}</Table.Td>
              <Table.Td>
                {person.traffickingStatus
                  ? labels.value('vic_TraffickingStatus', person.traffickingStatus)
                  : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
