import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useScreeningLabels } from '../labels.ts';
import { parseWatchKey } from '../vocabulary.ts';

/** The watchlisted identifiers a post names (the server sends them as `kind:normalized`). */
export function WatchlistHits({ hits }: { hits: readonly string[] }) {
  const { t } = useTranslation();
  const labels = useScreeningLabels();
  return (
    <Group gap="xs" data-testid="watchlist-hits">
      <Text size="sm" fw={700}>
        {t('screening.result.watchlistHits')}:
      </Text>
      {hits.map((hit) => {
        const { kind, normalized } = parseWatchKey(hit);
        return (
          <Badge key={hit} color="red" variant="light">
            {kind ? `${labels.kind(kind)}: ${normalized}` : normalized}
          </Badge>
        );
      })}
    </Group>
  );
}
