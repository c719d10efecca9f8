import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionTitle, recordTypeName } from './action-text.ts';
import { type AuditFilters, auditKeys, fetchCatalogue } from './api.ts';
import { isFiltered } from './filters.ts';

/** A change to the filters, applied to them as they are when it arrives. */
export type FiltersChange = (current: AuditFilters) => AuditFilters;

type Props = { filters: AuditFilters; onChange: (change: FiltersChange) => void };

/** Action and record type from the node's catalogue, named in the interface language; record and actor typed. */
export function AuditFiltersBar({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const catalogue = useQuery({ queryKey: auditKeys.catalogue, queryFn: fetchCatalogue, staleTime: Infinity });
  const actions = (catalogue.data?.actions ?? [])
    .map((action) => ({ value: action, label: actionTitle(t, action) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const recordTypes = (catalogue.data?.recordTypes ?? [])
    .map((type) => ({ value: type, label: recordTypeName(t, type) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  return (
    <Group align="flex-end" gap="md" wrap="wrap" mb="md" data-testid="audit-filters">
      <Select
        label={t('audit.filters.action')}
        placeholder={t('audit.filters.any')}
        data={actions}
        value={filters.action ?? null}
        onChange={(value) => onChange((f) => ({ ...f, action: value ?? undefined }))}
        searchable
        clearable
        w={300}
        data-testid="audit-filter-action"
      />
      <Select
        label={t('audit.filters.recordType')}
        placeholder={t('audit.filters.any')}
        data={recordTypes}
        value={filters.recordType ?? null}
        onChange={(value) => onChange((f) => ({ ...f, recordType: value ?? undefined }))}
        searchable
        clearable
        w={220}
        data-testid="audit-filter-record-type"
      />
      <TypedFilter
        label={t('audit.filters.recordId')}
        value={filters.recordId}
        onCommit={(recordId) => onChange((f) => ({ ...f, recordId }))}
        testId="audit-filter-record-id"
      />
      <TypedFilter
        label={t('audit.filters.actor')}
        value={filters.actor}
        onCommit={(actor) => onChange((f) => ({ ...f, actor }))}
        testId="audit-filter-actor"
      />
      <Button variant="subtle" disabled={!isFiltered(filters)} onClick={() => onChange(() => ({}))}>
        {t('audit.filters.clear')}
      </Button>
    </Group>
  );
}

/**
 * A text filter sent once typing pauses; an exact value, so it is sent trimmed. A value that comes
 * from elsewhere (a click in the table, "Clear", the browser's back) replaces what the field shows.
 */
function TypedFilter(props: {
  label: string;
  value: string | undefined;
  onCommit: (value: string | undefined) => void;
  testId: string;
}) {
  const [text, setText] = useState(props.value ?? '');
  const sent = useRef(props.value);
  const commit = useDebouncedCallback((value: string) => {
    sent.current = value.trim() || undefined;
    props.onCommit(sent.current);
  }, 400);
  useEffect(() => {
    if (props.value === sent.current) return;
    // Set elsewhere: what was typed before and not yet sent must not overwrite it.
    commit.cancel();
    sent.current = props.value;
    setText(props.value ?? '');
  }, [props.value, commit]);
  return (
    <TextInput
      label={props.label}
      type="search"
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      w={260}
      data-testid={props.testId}
    />
  );
}
