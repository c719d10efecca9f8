import { Badge, Code, Group, Paper, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../../i18n/languages.ts';
import { useScreeningLabels } from '../labels.ts';
import { formatMoney } from '../money.ts';
import type { Identifier } from '../schema.ts';
import { isWatchlistKind, watchKey } from '../vocabulary.ts';
import { WatchlistButton } from './WatchlistButton.tsx';

type Props = { identifiers: readonly Identifier[]; watchlistHits?: readonly string[] };

/** The contacts, accounts and places a post names, normalised, each one a watchlist candidate. */
export function IdentifierChips({ identifiers, watchlistHits = [] }: Props) {
  const { t, i18n } = useTranslation();
  const labels = useScreeningLabels();
  const titleId = useId();
  const locale = languageOf(i18n.language).htmlLang;
  // Money in the reader's language ("Rp 20.000.000 per bulan"); other kinds as normalised.
  const shown = (identifier: Identifier) =>
    identifier.money
      ? formatMoney(identifier.money, locale, (period, amount) =>
          t(`screening.money.per.${period}`, { amount }),
        )
      : identifier.normalized;
  return (
    <section aria-labelledby={titleId}>
      <Title order={3} size="h4" id={titleId} mb="xs">
        {t('screening.result.identifiers')}
      </Title>
      {identifiers.length === 0 ? (
        <Text c="dimmed" data-testid="identifier-chips">
          {t('screening.result.noIdentifiers')}
        </Text>
      ) : (
        <Group gap="xs" data-testid="identifier-chips">
          {identifiers.map((identifier) => (
            <Paper
              key={`${identifier.kind}:${identifier.normalized}`}
              withBorder
              radius="xl"
              px="sm"
              py={4}
              data-testid="identifier-chip"
              data-kind={identifier.kind}
            >
              <Group gap={6} wrap="nowrap">
                <Badge variant="light" color="indigo">
                  {labels.kind(identifier.kind)}
                </Badge>
                <Code style={{ wordBreak: 'break-all' }}>{shown(identifier)}</Code>
                {watchlistHits.includes(watchKey(identifier)) ? (
                  <Badge color="red.9">{t('screening.result.watchlistHit')}</Badge>
                ) : (
                  isWatchlistKind(identifier.kind) && (
                    <WatchlistButton kind={identifier.kind} value={identifier.normalized} />
                  )
                )}
              </Group>
            </Paper>
          ))}
        </Group>
      )}
    </section>
  );
}
