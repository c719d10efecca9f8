import { Anchor, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../../i18n/languages.ts';
import { useFormatTime } from '../../platform/common/format.ts';
import { resultsHref } from './api.ts';
import { BatchStatusBadge } from './BatchStatusBadge.tsx';
import { useBatches } from './queries.ts';
import { isActive } from './schema.ts';

type Props = { selected: string | null; onSelect: (id: string) => void };

/** The caller's recent uploads, newest first. */
export function BatchList({ selected, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { data: batches } = useBatches();
  if (!batches) return null;
  if (batches.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('screening.batch.none')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="batch-list" aria-label={t('screening.batch.recent')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('screening.batch.file')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            <Table.Th>{t('screening.batch.created')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {batches.map((batch) => (
            <Table.Tr key={batch.id} data-batch-id={batch.id}>
              <Table.Td maw={320}>
                <Text size="sm" lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
                  {batch.name ?? t('screening.batch.unnamed')}
                </Text>
              </Table.Td>
              <Table.Td>
                <BatchStatusBadge status={batch.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatTime(batch.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                {batch.id !== selected && (
                  <Button size="compact-sm" variant="subtle" onClick={() => onSelect(batch.id)}>
                    {t('screening.batch.show')}
                  </Button>
                )}
                {!isActive(batch) && (
                  <Anchor
                    href={resultsHref(batch.id, languageOf(i18n.language).code)}
                    download
                    size="sm"
                    ml="xs"
                  >
                    {t('screening.batch.downloadShort')}
                  </Anchor>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
