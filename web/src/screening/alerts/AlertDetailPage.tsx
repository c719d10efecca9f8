import { Alert, Anchor, Card, Center, Group, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import * as z from 'zod/mini';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { useAlert } from '../queries.ts';
import { HighlightedText } from '../result/HighlightedText.tsx';
import { IdentifierChips } from '../result/IdentifierChips.tsx';
import { ReasonsList } from '../result/ReasonsList.tsx';
import { RiskSummary } from '../result/RiskSummary.tsx';
import { WatchlistHits } from '../result/WatchlistHits.tsx';
import type { AlertDetail } from '../schema.ts';
import { AlertFacts } from './AlertFacts.tsx';
import { AssignButtons } from './AssignButtons.tsx';
import { ReviewSection } from './ReviewSection.tsx';
import { StatusBadge } from './StatusBadge.tsx';

const backState = z.object({ from: z.string() });

/** One alert: the post with its red flags, who it names, who holds it, and the review decision. */
export function AlertDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const alert = useAlert(id);
  const state = backState.safeParse(location.state);
  const back = `/screening/alerts${state.success ? state.data.from : ''}`;
  return (
    <Stack>
      <Anchor component={Link} to={back} size="sm">
        ← {t('screening.alerts.back')}
      </Anchor>
      {alert.isPending && (
        <Center p="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      <ErrorAlert error={alert.error} />
      {alert.data && <AlertView alert={alert.data} />}
    </Stack>
  );
}

function AlertView({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation();
  const { text, result } = alert;
  return (
    <Card withBorder data-testid="alert-detail" data-alert-id={alert.id}>
      <Stack>
        <Group justify="space-between" align="center">
          <Group gap="sm">
            <Title order={2} size="h3">
              {t('screening.alerts.detailTitle')}
            </Title>
            <StatusBadge status={alert.status} testId="alert-status" />
          </Group>
          <AssignButtons alert={alert} />
        </Group>
        {alert.integrity.status === 'tampered' && (
          // The post or its result was changed in the database: nothing of it is shown.
          <Alert color="red" title={t('screening.alerts.tampered')} data-testid="alert-tampered">
            {t('screening.alerts.tamperedHelp')}
          </Alert>
        )}
        {result && <RiskSummary result={result} />}
        <AlertFacts alert={alert} />
        {alert.watchlistHits.length > 0 && <WatchlistHits hits={alert.watchlistHits} />}
        {text !== null && result && (
          <HighlightedText text={text} indicators={result.indicators} identifiers={result.identifiers} />
        )}
        {result && <ReasonsList indicators={result.indicators} />}
        {result && <IdentifierChips identifiers={result.identifiers} watchlistHits={alert.watchlistHits} />}
        <ReviewSection alert={alert} />
      </Stack>
    </Card>
  );
}
