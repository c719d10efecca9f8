import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { AuditFiltersBar, type FiltersChange } from './AuditFiltersBar.tsx';
import { AuditTable } from './AuditTable.tsx';
import { auditKeys, listEntries } from './api.ts';
import { CheckpointCard } from './CheckpointCard.tsx';
import { filtersFrom, isFiltered, paramsFrom } from './filters.ts';
import { InclusionProofModal } from './InclusionProofModal.tsx';
import type { AuditEntry } from './schema.ts';

/**
 * The tamper-evident log, newest first, paged backwards with `before`, filtered by action, record
 * type, record and actor (in the URL), and its latest checkpoint; an entry's inclusion proof is
 * checked in the browser.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const before = params.get('before') ?? undefined;
  const page = useQuery({
    queryKey: auditKeys.entries(filters, before),
    queryFn: () => listEntries(filters, before),
    placeholderData: keepPreviousData,
  });
  const older = page.data?.nextBefore ?? undefined;
  // A change applies to the filters as last set, not as this render saw them: the router renders a
  // navigation as a transition, so a typed filter's value sent just after "Clear" would otherwise
  // bring back the filters Clear removed.
  const lastSet = useRef(params);
  useEffect(() => {
    lastSet.current = params;
  }, [params]);
  const go = (next: Record<string, string>) => {
    lastSet.current = new URLSearchParams(next);
    setParams(lastSet.current);
  };
  const changeFilters = (change: FiltersChange) => go(paramsFrom(change(filtersFrom(lastSet.current))));
  // A cursor belongs to the page shown, so it goes with the filters of that page.
  const setBefore = (cursor: string | undefined) => go(paramsFrom(filters, cursor));
  const entries = page.data?.entries ?? [];
  const [proving, setProving] = useState<AuditEntry | null>(null);

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
        <AuditFiltersBar filters={filters} onChange={changeFilters} />
        <ErrorAlert error={page.error} />
        {page.data && entries.length === 0 && (
          <Text c="dimmed" data-testid="audit-empty">
            {older !== undefined
              ? t('audit.filters.noneYet')
              : t(isFiltered(filters) ? 'audit.filters.none' : 'audit.empty')}
          </Text>
        )}
        {entries.length > 0 && (
          <AuditTable
            entries={entries}
            onFilter={(narrower) => changeFilters((f) => ({ ...f, ...narrower }))}
            onProve={setProving}
          />
        )}
        <InclusionProofModal entry={proving} onClose={() => setProving(null)} />
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
