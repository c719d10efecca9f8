import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.tsx';

type Props<T> = {
  query: UseQueryResult<readonly T[]>;
  empty: string;
  children: (items: readonly T[]) => ReactNode;
};

/** Loading, error (with retry) and empty states of a list query; the list itself is the caller's. */
export function QueryState<T>({ query, empty, children }: Props<T>) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Center p="lg">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Stack align="flex-start">
        <ErrorAlert error={query.error} />
        <Button variant="default" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </Button>
      </Stack>
    );
  }
  if (query.data.length === 0) return <Text c="dimmed">{empty}</Text>;
  return children(query.data);
}
