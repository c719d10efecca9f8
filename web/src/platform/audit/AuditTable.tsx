import { Anchor, Button, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatTime } from '../common/format.ts';
import { actionTitle, recordTypeName } from './action-text.ts';
import type { AuditFilters } from './api.ts';
import type { AuditEntry } from './schema.ts';

const digestShown = 12;

type Props = {
  entries: readonly AuditEntry[];
  /** Narrows the listing to an entry's actor or record (a click on it). */
  onFilter: (filter: AuditFilters) => void;
  /** Opens an entry's inclusion proof (entries with a seq only). */
  onProve: (entry: AuditEntry) => void;
};

export function AuditTable({ entries, onFilter, onProve }: Props) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.seq')}</Table.Th>
            <Table.Th>{t('audit.time')}</Table.Th>
            <Table.Th>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.recordType')}</Table.Th>
            <Table.Th>{t('audit.recordId')}</Table.Th>
            <Table.Th>{t('audit.digest')}</Table.Th>
            <Table.Th>{t('audit.proof.column')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry, index) => (
            <Table.Tr key={entry.seq ?? `pending-${index}-${entry.digest}`}>
              <Table.Td>{entry.seq ?? <Text c="dimmed">{t('audit.pending')}</Text>}</Table.Td>
              <Table.Td>{formatTime(entry.at)}</Table.Td>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => onFilter({ actor: entry.actor })}
                >
                  {entry.actor}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{actionTitle(t, entry.action)}</Text>
                <Code>{entry.action}</Code>
              </Table.Td>
              <Table.Td>{recordTypeName(t, entry.recordType)}</Table.Td>
              <Table.Td>
                {entry.recordId && (
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    ta="start"
                    style={{ wordBreak: 'break-all' }}
                    onClick={() => onFilter({ recordId: entry.recordId ?? undefined })}
                  >
                    {entry.recordId}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                <Code title={entry.digest}>
                  {entry.digest.length > digestShown
                    ? `${entry.digest.slice(0, digestShown)}…`
                    : entry.digest}
                </Code>
              </Table.Td>
              <Table.Td>
                {entry.seq != null && (
                  <Button size="compact-xs" variant="light" onClick={() => onProve(entry)}>
                    {t('audit.proof.open')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
