import { Badge, Button, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../platform/common/errors.ts';
import { addWatchlistEntry, isConflict, screeningKeys } from '../api.ts';
import { useWatchlist } from '../queries.ts';
import type { WatchlistKind } from '../vocabulary.ts';

type Props = { kind: WatchlistKind; value: string };

/** "Add to watchlist" for one identifier; says so instead when it is already watched. */
export function WatchlistButton({ kind, value }: Props) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const watchlist = useWatchlist();
  const add = useMutation({
    mutationFn: () => addWatchlistEntry({ kind, value }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: screeningKeys.watchlist }),
  });
  const watched =
    add.isSuccess ||
    isConflict(add.error) ||
    (watchlist.data ?? []).some((entry) => entry.kind === kind && entry.normalized === value);
  if (watched) {
    return (
      <Badge color="gray" variant="outline">
        {t('screening.result.onWatchlist')}
      </Badge>
    );
  }
  return (
    <>
      <Button
        size="compact-xs"
        variant="light"
        loading={add.isPending}
        onClick={() => add.mutate()}
        aria-label={`${t('screening.result.addToWatchlist')}: ${value}`}
      >
        {t('screening.result.addToWatchlist')}
      </Button>
      {add.isError && (
        <Text size="xs" c="red" role="alert">
          {describe(add.error)}
        </Text>
      )}
    </>
  );
}
