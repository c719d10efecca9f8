import { Anchor, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { MoreButton } from '../../platform/common/MoreButton.tsx';
import { listCases, victimsKeys } from '../api.ts';
import { useVictimLabels } from '../labels.ts';
import { type CaseRecord, caseStatuses } from '../schema.ts';
import { caseMatches } from './filters.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** Cases of the agency, newest first: filtered by status (server) and by reference (loaded pages). */
export function CasesTab() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = caseStatuses.find((s) => s === params.get('status'));
  const q = params.get('q') ?? '';
  const pages = useInfiniteQuery({
    queryKey: victimsKeys.caseList(status),
    queryFn: ({ pageParam }) => listCases(status, pageParam || undefined),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const loaded = pages.data?.pages.flatMap((page) => page.cases) ?? [];
  const shown = loaded.filter((c) => caseMatches(c, q));
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <Stack>
      <Group align="flex-end" gap="sm" data-testid="case-filters">
        <Select
          label={t('common.status')}
          placeholder={t('victims.search.any')}
          data={caseStatuses.map((s) => ({ value: s, label: t(`victims.cases.statuses.${s}`) }))}
          value={status ?? null}
          onChange={(value) => set('status', value)}
          clearable
          w={{ base: '100%', sm: 180 }}
        />
        <TextInput
          label={t('victims.cases.reference')}
          description={t('victims.search.caseTextHelp')}
          type="search"
          value={q}
          onChange={(event) => set('q', event.currentTarget.value)}
          w={{ base: '100%', sm: 280 }}
        />
      </Group>
      <ErrorAlert error={pages.error} />
      {pages.data && shown.length === 0 && <Text c="dimmed">{t('victims.search.noCases')}</Text>}
      {shown.length > 0 && <CasesTable cases={shown} />}
      <MoreButton pages={pages} label={t('victims.search.more')} />
    </Stack>
  );
}

function CasesTable({ cases }: { cases: readonly CaseRecord[] }) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped highlightOnHover data-testid="cases-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('victims.cases.reference')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            <Table.Th>{t('victims.cases.openedOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((c) => (
            <Table.Tr key={c.id} data-case-id={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/victims/cases/${c.id}`}>
                  {c.externalId ?? c.id.slice(0, 8)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={c.status} />
              </Table.Td>
              <Table.Td>{labels.date(c.openedOn)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
