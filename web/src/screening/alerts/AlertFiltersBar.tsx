import { Badge, CloseButton, Group, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertFilters } from '../api.ts';
import { LanguageField } from '../fields.tsx';
import { alertStatuses, riskLevels } from '../schema.ts';
import { asLevel, asStatus } from './filters.ts';

type Props = { filters: AlertFilters; onChange: (filters: AlertFilters) => void };

export function AlertFiltersBar({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');
  const commitQ = useDebouncedCallback(
    (value: string) => onChange({ ...filters, q: value.trim() || undefined }),
    400,
  );

  return (
    <Group align="flex-end" gap="md" wrap="wrap" data-testid="alert-filters">
      <Select
        label={t('screening.alerts.status')}
        placeholder={t('screening.alerts.any')}
        data={alertStatuses.map((status) => ({ value: status, label: t(`screening.statuses.${status}`) }))}
        value={filters.status ?? null}
        onChange={(value) => onChange({ ...filters, status: asStatus(value) })}
        clearable
        w={170}
      />
      <Select
        label={t('screening.alerts.level')}
        placeholder={t('screening.alerts.any')}
        data={riskLevels.map((level) => ({ value: level, label: t(`screening.levels.${level}`) }))}
        value={filters.level ?? null}
        onChange={(value) => onChange({ ...filters, level: asLevel(value) })}
        clearable
        w={150}
      />
      <LanguageField
        label={t('screening.alerts.language')}
        placeholder={t('screening.alerts.any')}
        value={filters.lang ?? ''}
        onChange={(value) => onChange({ ...filters, lang: value || undefined })}
      />
      <TextInput
        label={t('screening.alerts.search')}
        // Posts are sealed on the server: the search finds identifiers, ids and links, not words.
        description={t('screening.alerts.searchHelp')}
        type="search"
        data-testid="alert-search"
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          commitQ(event.currentTarget.value);
        }}
        w={320}
      />
      <Switch
        label={t('screening.alerts.mine')}
        checked={filters.mine ?? false}
        onChange={(event) => onChange({ ...filters, mine: event.currentTarget.checked || undefined })}
        mb={8}
      />
      {filters.batch && (
        <Badge
          size="lg"
          variant="light"
          mb={6}
          data-testid="alert-batch-filter"
          data-batch-id={filters.batch}
          rightSection={
            <CloseButton
              size="xs"
              aria-label={t('screening.alerts.allAlerts')}
              onClick={() => onChange({ ...filters, batch: undefined })}
            />
          }
        >
          {t('screening.alerts.batchOnly')}
        </Badge>
      )}
    </Group>
  );
}
