import {
  Alert,
  Badge,
  Card,
  Center,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../../i18n/languages.ts';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { useVictimLabels } from '../labels.ts';
import { type Count, type CountTable, fetchStatistics, statisticsKeys } from './api.ts';
import { MonthField } from './MonthField.tsx';
import { type Month, rangeOf } from './months.ts';

/** A count in the reader's language, or "fewer than 5" when the server withheld it. */
function useCountText(k: number) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(languageOf(i18n.resolvedLanguage ?? i18n.language).htmlLang);
  return (count: Count) =>
    count.suppressed || count.value === null
      ? t('victims.statistics.fewer', { k: numbers.format(k) })
      : numbers.format(count.value);
}

type TableProps = {
  title: string;
  /** What the table counts, where its title alone does not say. */
  note?: string;
  table: CountTable;
  name: (key: string) => string;
  k: number;
  testId: string;
};

function BreakdownTable({ title, note, table, name, k, testId }: TableProps) {
  const { t } = useTranslation();
  const countText = useCountText(k);
  return (
    <Card withBorder data-testid={testId}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {note && (
        <Text size="xs" c="dimmed" mb="xs" data-testid={`${testId}-note`}>
          {note}
        </Text>
      )}
      {table.multiValued && (
        <Text size="xs" c="dimmed" mb="xs" data-testid={`${testId}-multi-valued`}>
          {t('victims.statistics.multiValued')}
        </Text>
      )}
      <Table>
        <Table.Tbody>
          {table.cells.map((cell) => (
            <Table.Tr key={cell.key ?? ''}>
              <Table.Td>
                <bdi>{cell.key === null ? t('victims.statistics.notRecorded') : name(cell.key)}</bdi>
              </Table.Td>
              <Table.Td ta="end" c={cell.count.suppressed ? 'dimmed' : undefined}>
                {countText(cell.count)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('victims.statistics.total')}</Table.Th>
            <Table.Th ta="end">{countText(table.total)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Card>
  );
}

/**
 * /victims/statistics — counts of the agency's victims over whole months; the server withholds
 * counts of 1–4 and rounds the others to 5.
 */
export function StatisticsTab() {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  const [from, setFrom] = useState<Month | null>(null);
  const [to, setTo] = useState<Month | null>(null);
  const range = rangeOf(from, to);
  const query = useQuery({
    queryKey: statisticsKeys.range(range ?? {}),
    queryFn: () => fetchStatistics(range ?? {}),
    placeholderData: keepPreviousData,
    enabled: range !== null,
  });
  const s = query.data;
  const countText = useCountText(s?.k ?? 5);
  const age = (key: string) => key.replace('-', '–');
  return (
    <Stack data-testid="statistics-tab">
      <Text size="sm" c="dimmed">
        {t('victims.statistics.intro', { k: s?.k ?? 5 })}{' '}
        {t('victims.statistics.rounded', { k: s?.k ?? 5, base: s?.roundedTo ?? 5 })}
      </Text>
      <Group align="end">
        <MonthField
          testId="statistics-from"
          label={t('victims.statistics.from')}
          openLabel={t('victims.statistics.fromStart')}
          value={from}
          defaultMonth={1}
          onChange={setFrom}
        />
        <MonthField
          testId="statistics-to"
          label={t('victims.statistics.to')}
          openLabel={t('victims.statistics.untilNow')}
          value={to}
          defaultMonth={12}
          onChange={setTo}
        />
      </Group>
      {range === null && (
        <Alert color="yellow" data-testid="statistics-reversed">
          {t('victims.statistics.reversed')}
        </Alert>
      )}
      <ErrorAlert error={query.error} />
      {query.isPending && (
        <Center p="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {s && (
        <>
          <Group>
            <Badge size="lg" variant="light" data-testid="statistics-total">
              {t('victims.statistics.persons')}: {countText(s.persons.total)}
            </Badge>
            <Badge size="lg" variant="light" color="red">
              {t('victims.statistics.nonPunishment')}: {countText(s.assessments.nonPunishment)}
            </Badge>
          </Group>
          {s.persons.total.value === 0 && <Text c="dimmed">{t('victims.statistics.empty')}</Text>}
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
            <BreakdownTable
              testId="statistics-gender"
              title={t('victims.statistics.tables.gender')}
              table={s.persons.gender}
              name={(key) => labels.value('prs_Gender', key)}
              k={s.k}
            />
            <BreakdownTable
              testId="statistics-age"
              title={t('victims.statistics.tables.ageGroup')}
              table={s.persons.ageGroup}
              name={age}
              k={s.k}
            />
            <BreakdownTable
              testId="statistics-citizenship"
              title={t('victims.statistics.tables.citizenship')}
              table={s.persons.citizenship}
              name={labels.country}
              k={s.k}
            />
            <BreakdownTable
              testId="statistics-exploitation"
              title={t('victims.statistics.tables.exploitation')}
              table={s.persons.exploitation}
              name={(key) => labels.value('vic_TypeOfExploitation', key)}
              k={s.k}
            />
            <BreakdownTable
              testId="statistics-forced-criminality"
              title={t('victims.statistics.tables.forcedCriminality')}
              note={t('victims.statistics.forcedCriminalityNote')}
              table={s.persons.forcedCriminality}
              name={(key) => labels.value('jar_ForcedCriminalityType', key)}
              k={s.k}
            />
            <BreakdownTable
              testId="statistics-trafficking-status"
              title={t('victims.statistics.tables.traffickingStatus')}
              table={s.persons.traffickingStatus}
              name={(key) => labels.value('vic_TraffickingStatus', key)}
              k={s.k}
            />
            <BreakdownTable
              testId="statistics-year"
              title={t('victims.statistics.tables.registrationYear')}
              table={s.persons.registrationYear}
              name={(key) => key}
              k={s.k}
            />
            <BreakdownTable
              testId="statistics-decision"
              title={t('victims.statistics.tables.decision')}
              table={s.assessments.decision}
              name={(key) => t(`victims.decisions.${key}`, { defaultValue: key })}
              k={s.k}
            />
            <BreakdownTable
              testId="statistics-cases"
              title={t('victims.statistics.tables.cases')}
              table={s.cases.status}
              name={(key) => t(`victims.cases.statuses.${key}`, { defaultValue: key })}
              k={s.k}
            />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
