import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatTime } from '../common/format.ts';
import { actionTitle, recordTypeName } from './action-text.ts';
import type { AuditEntry } from './schema.ts';

const digestShown = 12;

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
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
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry, index) => (
            <Table.Tr key={entry.seq ?? `pending-${index}-${entry.digest}`}>
              <Table.Td>{entry.seq ?? <Text c="dimmed">{t('audit.pending')}</Text>}</Table.Td>
              <Table.Td>{formatTime(entry.at)}</Table.Td>
              <Table.Td>{entry.actor}</Table.Td>
              <Table.Td>
                <Text size="sm">{actionTitle(t, entry.action)}</Text>
                <Code>{entry.action}</Code>
              </Table.Td>
              <Table.Td>{recordTypeName(t, entry.recordType)}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: 'break-all' }}>
                  {entry.recordId ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Code title={entry.digest}>
                  {entry.digest.length > digestShown
                    ? `${entry.digest.slice(0, digestShown)}…`
                    : entry.digest}
                </Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
