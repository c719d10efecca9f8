import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { firstProblems } from './problems.ts';
import type { Problem } from './schema.ts';

const LIMIT = 500;

/** Each problem of a file with its row (as a spreadsheet numbers it) and column. */
export function ProblemsTable({ problems }: { problems: readonly Problem[] }) {
  const { t } = useTranslation();
  const { shown, more } = firstProblems(problems, LIMIT);
  return (
    <>
      <Table.ScrollContainer minWidth={320} maxHeight={480}>
        <Table striped stickyHeader data-testid="htcds-problems">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('victims.htcds.import.row')}</Table.Th>
              <Table.Th>{t('victims.htcds.import.column')}</Table.Th>
              <Table.Th>{t('victims.htcds.import.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((p) => (
              <Table.Tr key={`${p.row}:${p.column}:${p.message}`} data-row={p.row} data-column={p.column}>
                <Table.Td>{p.row === 0 ? t('victims.htcds.import.wholeFile') : p.row}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{p.column}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {more > 0 && (
        <Text size="sm" c="dimmed">
          {t('victims.htcds.import.more', { count: more })}
        </Text>
      )}
    </>
  );
}
