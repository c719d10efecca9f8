import { Alert, Button, Card, Checkbox, FileButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { victimsKeys } from '../api.ts';
import { formatOfFile, importFile } from './api.ts';
import { ProblemsTable } from './ProblemsTable.tsx';
import { problemsOfError } from './problems.ts';
import type { ImportReport } from './schema.ts';

// data-* attributes are valid on any element, but not in InputHTMLAttributes' object-literal type.
const fileInputTestId = { 'data-testid': 'htcds-import-file' };

/**
 * Imports an HTCDS 2.0 file (CSV or XLSX). Every row is checked first; by default a file with any
 * problem writes nothing, and each problem is listed with its row and column.
 */
export function ImportCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [partial, setPartial] = useState(false);
  const format = file ? formatOfFile(file.name) : null;
  const run = useMutation({
    mutationFn: () => {
      if (!file || !format) throw new Error('no file');
      return importFile(file, format, partial);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: victimsKeys.all });
    },
  });
  const refused = problemsOfError(run.error);
  const pick = (picked: File | null) => {
    run.reset();
    setFile(picked);
  };
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby="htcds-import-title"
      data-testid="htcds-import-card"
    >
      <Stack>
        <Title order={2} size="h3" id="htcds-import-title">
          {t('victims.htcds.import.title')}
        </Title>
        <Text size="sm">{t('victims.htcds.import.help')}</Text>
        <Group align="center">
          <FileButton
            onChange={pick}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            inputProps={{ ...fileInputTestId, 'aria-label': t('victims.htcds.import.choose') }}
          >
            {(props) => (
              <Button variant="default" {...props} disabled={run.isPending}>
                {t('victims.htcds.import.choose')}
              </Button>
            )}
          </FileButton>
          {file && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="htcds-import-name">
              {file.name}
            </Text>
          )}
        </Group>
        {file && !format && (
          <Alert color="orange" variant="light">
            {t('victims.htcds.import.unknownFormat')}
          </Alert>
        )}
        <Checkbox
          label={t('victims.htcds.import.partial')}
          description={t('victims.htcds.import.partialHelp')}
          checked={partial}
          onChange={(event) => setPartial(event.currentTarget.checked)}
          data-testid="htcds-import-partial"
        />
        <Button
          onClick={() => run.mutate()}
          loading={run.isPending}
          disabled={!file || !format}
          style={{ alignSelf: 'flex-start' }}
          data-testid="htcds-import"
        >
          {t('victims.htcds.import.submit')}
        </Button>
        {refused.length > 0 ? (
          <Stack gap="xs" data-testid="htcds-import-refused">
            <Alert color="red" title={t('victims.htcds.import.refused')} role="alert">
              {t('victims.htcds.import.refusedHelp', { count: refused.length })}
            </Alert>
            <ProblemsTable problems={refused} />
          </Stack>
        ) : (
          <ErrorAlert error={run.error} title={t('victims.htcds.import.failed')} />
        )}
        {run.data && <ImportResult report={run.data} />}
      </Stack>
    </Card>
  );
}

const parts = [
  'persons',
  'cases',
  'links',
  'organisations',
  'referrals',
  'comments',
  'events',
  'plans',
  'items',
] as const;

function ImportResult({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="htcds-import-result" data-written={report.written}>
      <Alert color={report.problems.length > 0 ? 'orange' : 'green'} variant="light">
        <Text size="sm">
          {t('victims.htcds.import.done', {
            rows: report.rows,
            written: report.writtenRows,
            skipped: report.skippedRows,
            assessments: report.counts.assessments,
          })}
        </Text>
      </Alert>
      <Table.ScrollContainer minWidth={320}>
        <Table data-testid="htcds-import-counts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('victims.htcds.import.created')}</Table.Th>
              <Table.Th>{t('victims.htcds.import.updated')}</Table.Th>
              <Table.Th>{t('victims.htcds.import.unchanged')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {parts.map((part) => (
              <Table.Tr key={part} data-part={part}>
                <Table.Td>{t(`victims.htcds.parts.${part}`)}</Table.Td>
                <Table.Td>{report.counts[part].created}</Table.Td>
                <Table.Td>{report.counts[part].updated}</Table.Td>
                <Table.Td>{report.counts[part].unchanged}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {report.problems.length > 0 && (
        <>
          <Text size="sm" fw={500}>
            {t('victims.htcds.import.skippedProblems', { count: report.problems.length })}
          </Text>
          <ProblemsTable problems={report.problems} />
        </>
      )}
    </Stack>
  );
}
