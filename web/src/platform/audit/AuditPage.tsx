import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { AuditTable } from './AuditTable.tsx';
import { auditKeys, listEntries, olderCursor } from './api.ts';
import { CheckpointCard } from './CheckpointCard.tsx';

/** The tamper-evident log, newest first, paged backwards with `before`, and its latest checkpoint. */
export function AuditPage() {
  const { t } = useTranslation();
  const [before, setBefore] = useState<string | undefined>(undefined);
  const page = useQuery({
    queryKey: auditKeys.entries(before),
    queryFn: () => listEntries(before),
    placeholderData: keepPreviousData,
  });
  const older = page.data ? olderCursor(page.data) : undefined;

  return (
    <Stack>
      <Title order={1}>{t('audit.title')}</Title>
      <CheckpointCard />
      <section aria-labelledby="audit-entries-title">
        <Title order={2} size="h3" id="audit-entries-title" mb="xs">
          {t('audit.entries')}
        </Title>
        {page.data?.treeSize != null && (
          <Text size="sm" c="dimmed" mb="xs">
            {t('audit.total', { count: Number(page.data.treeSize) })}
          </Text>
        )}
        <ErrorAlert error={page.error} />
        {page.data && page.data.entries.length === 0 && <Text c="dimmed">{t('audit.empty')}</Text>}
        {page.data && page.data.entries.length > 0 && <AuditTable entries={page.data.entries} />}
        <Group mt="md">
          <Button variant="default" disabled={before === undefined} onClick={() => setBefore(undefined)}>
            {t('audit.newest')}
          </Button>
          <Button
            variant="default"
            disabled={older === undefined || page.isFetching}
            loading={page.isFetching && page.isPlaceholderData}
            onClick={() => setBefore(older)}
          >
            {t('audit.older')}
          </Button>
        </Group>
      </section>
    </Stack>
  );
}
