import { Button, Code, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { useFormatTime } from '../../platform/common/format.ts';
import { QueryState } from '../../platform/common/QueryState.tsx';
import { removeWatchlistEntry, screeningKeys } from '../api.ts';
import { useScreeningLabels } from '../labels.ts';
import { useWatchlist } from '../queries.ts';
import type { WatchlistEntry } from '../schema.ts';
import { WatchlistForm } from './WatchlistForm.tsx';

/** Identifiers this node watches for: a post naming one opens an alert whatever its score. */
export function WatchlistTab() {
  const { t } = useTranslation();
  const labels = useScreeningLabels();
  const formatTime = useFormatTime();
  const entries = useWatchlist();
  const [removing, setRemoving] = useState<WatchlistEntry | null>(null);
  return (
    <Stack>
      <WatchlistForm />
      <QueryState query={entries} empty={t('screening.watchlist.empty')}>
        {(list) => (
          <Table.ScrollContainer minWidth={700}>
            <Table striped highlightOnHover data-testid="watchlist-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('screening.watchlist.kind')}</Table.Th>
                  <Table.Th>{t('screening.watchlist.value')}</Table.Th>
                  <Table.Th>{t('screening.watchlist.note')}</Table.Th>
                  <Table.Th>{t('screening.watchlist.added')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((entry) => (
                  <Table.Tr key={entry.id} data-kind={entry.kind} data-value={entry.normalized}>
                    <Table.Td>{labels.kind(entry.kind)}</Table.Td>
                    <Table.Td>
                      <Code style={{ wordBreak: 'break-all' }}>{entry.normalized}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                        {entry.note ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatTime(entry.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setRemoving(entry)}
                        aria-label={`${t('screening.watchlist.remove')}: ${entry.normalized}`}
                      >
                        {t('screening.watchlist.remove')}
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
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('screening.watchlist.removeTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {removing && <RemoveEntry key={removing.id} entry={removing} onDone={() => setRemoving(null)} />}
      </Modal>
    </Stack>
  );
}

function RemoveEntry({ entry, onDone }: { entry: WatchlistEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => removeWatchlistEntry(entry.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: screeningKeys.watchlist });
      onDone();
    },
  });
  return (
    <Stack>
      <Text style={{ overflowWrap: 'anywhere' }}>
        {t('screening.watchlist.removeConfirm', { value: entry.normalized })}
      </Text>
      <ErrorAlert error={remove.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button
          color="red"
          onClick={() => remove.mutate()}
          loading={remove.isPending}
          data-testid="confirm-remove"
        >
          {t('screening.watchlist.remove')}
        </Button>
      </Group>
    </Stack>
  );
}
