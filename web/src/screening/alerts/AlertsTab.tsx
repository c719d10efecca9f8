import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState } from '../../platform/common/QueryState.tsx';
import { type AlertFilters, alertPageSize } from '../api.ts';
import { useAlerts } from '../queries.ts';
import { AlertFiltersBar } from './AlertFiltersBar.tsx';
import { AlertsTable } from './AlertsTable.tsx';
import { filtersFrom, paramsFrom } from './filters.ts';

/** The review queue, newest first, filtered, paged backwards by creation time. */
export function AlertsTab() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const before = params.get('before') ?? undefined;
  const alerts = useAlerts(filters, before);
  const rows = alerts.data ?? [];
  const last = rows.at(-1);
  const older = rows.length >= alertPageSize && last ? last.createdAt : undefined;

  const setFilters = (next: AlertFilters) => setParams(paramsFrom(next), { replace: true });
  const setBefore = (cursor: string | undefined) => setParams(paramsFrom(filters, cursor));

  return (
    <Stack>
      <AlertFiltersBar filters={filters} onChange={setFilters} />
      <QueryState query={alerts} empty={t('screening.alerts.empty')}>
        {(list) => <AlertsTable alerts={list} />}
      </QueryState>
      <Group>
        <Button variant="default" disabled={before === undefined} onClick={() => setBefore(undefined)}>
          {t('screening.alerts.newest')}
        </Button>
        <Button
          variant="default"
          disabled={older === undefined || alerts.isFetching}
          loading={alerts.isFetching && alerts.isPlaceholderData}
          onClick={() => setBefore(older)}
          data-testid="alerts-older"
        >
          {t('screening.alerts.older')}
        </Button>
      </Group>
    </Stack>
  );
}
