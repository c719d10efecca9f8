import { Alert, Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ScreenAnswer } from '../schema.ts';
import { HighlightedText } from './HighlightedText.tsx';
import { IdentifierChips } from './IdentifierChips.tsx';
import { ReasonsList } from './ReasonsList.tsx';
import { RiskSummary } from './RiskSummary.tsx';
import { WatchlistHits } from './WatchlistHits.tsx';

type Props = { text: string; answer: ScreenAnswer };

/** What screening one post found: the score, the post with its red flags marked, why, and who it names. */
export function ScreenResultView({ text, answer }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const { result, alertId, watchlistHits } = answer;
  return (
    <Card withBorder data-testid="screen-result" component="section" aria-labelledby={titleId}>
      <Stack>
        <Title order={2} size="h3" id={titleId}>
          {t('screening.result.title')}
        </Title>
        <RiskSummary result={result} />
        {alertId && (
          <Alert color="orange" role="status">
            <Group gap="sm">
              <Text size="sm">{t('screening.result.alertOpened')}</Text>
              <Anchor
                component={Link}
                to={`/screening/alerts/${encodeURIComponent(alertId)}`}
                data-testid="alert-link"
              >
                {t('screening.result.openAlert')}
              </Anchor>
            </Group>
          </Alert>
        )}
        {watchlistHits.length > 0 && <WatchlistHits hits={watchlistHits} />}
        <HighlightedText text={text} indicators={result.indicators} identifiers={result.identifiers} />
        <ReasonsList indicators={result.indicators} />
        <IdentifierChips identifiers={result.identifiers} watchlistHits={watchlistHits} />
      </Stack>
    </Card>
  );
}
