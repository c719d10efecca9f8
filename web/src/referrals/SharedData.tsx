import { Alert, Card, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../platform/common/ErrorAlert.tsx';
import { useFormatTime } from '../platform/common/format.ts';
import { useIndicatorSets } from '../victims/identification/api.ts';
import { useVictimLabels } from '../victims/labels.ts';
import { fetchShared, referralKeys } from './api.ts';

/**
 * The personal data an incoming referral carries. Opening it is audited here and the sending node
 * receives an access receipt, so it loads only when the caseworker asks.
 */
export function SharedData({ referralId }: { referralId: string }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const labels = useVictimLabels();
  const sets = useIndicatorSets();
  // The receiving node has the same bundled sets; an indicator it does not know is shown by its id.
  const indicatorText = (setId: string, id: string) => {
    const found = sets.data?.sets.find((x) => x.id === setId)?.indicators.find((i) => i.id === id);
    return found ? labels.text(found.labels).text : id;
  };
  const query = useQuery({
    queryKey: referralKeys.shared(referralId),
    queryFn: () => fetchShared(referralId),
  });
  if (query.isError) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Text c="dimmed">{t('common.loading')}</Text>;
  const s = query.data;
  if (s.purged) {
    return (
      <Alert color="gray" data-testid="shared-purged">
        {t('referrals.shared.purged')}
      </Alert>
    );
  }
  const name = s.identity
    ? [s.identity.firstName, s.identity.middleName, s.identity.secondName].filter(Boolean).join(' ')
    : '';
  return (
    <Stack data-testid="shared-data">
      {s.assessment && (
        <Card withBorder data-testid="shared-assessment">
          <Title order={4}>{t('referrals.shared.assessment')}</Title>
          <Alert color="blue" mt="xs" data-testid="assessed-by">
            {t('referrals.shared.assessedBy', {
              organisation: s.assessment.decidingOrganisation,
              date: formatTime(s.assessment.assessedAt),
            })}
          </Alert>
          <Text mt="xs">
            {t(`victims.decisions.${s.assessment.decision}`)} ·{' '}
            {t('referrals.shared.assessor', { name: s.assessment.assessedBy })}
          </Text>
          {s.assessment.nonPunishment && <Text c="orange">{t('referrals.shared.nonPunishment')}</Text>}
          <List size="sm" mt="xs">
            {s.assessment.indicators.map((i) => (
              <List.Item key={`${i.setId}/${i.indicatorId}`}>
                {indicatorText(i.setId, i.indicatorId)}
              </List.Item>
            ))}
          </List>
        </Card>
      )}
      {s.identity && (
        <Card withBorder data-testid="shared-identity">
          <Title order={4}>{t('victims.consent.categoryNames.identity')}</Title>
          <Text fw={600}>{name}</Text>
          <Text size="sm">
            {[
              s.identity.birthdate,
              s.identity.gender && labels.value('prs_Gender', s.identity.gender),
              s.identity.citizenship.map(labels.country).join(', '),
              s.identity.identityNumber,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Card>
      )}
      {s.health && (
        <Card withBorder data-testid="shared-health">
          <Title order={4}>{t('victims.consent.categoryNames.health')}</Title>
          {s.health.supports.map((h) => (
            <Text key={`${h.kind}-${h.status}-${h.startDate ?? ''}`} size="sm">
              {labels.value('jar_SupportItemKind', h.kind)} —{' '}
              {labels.value('jar_SupportItemStatus', h.status)}
            </Text>
          ))}
        </Card>
      )}
      {s.caseHistory && (
        <Card withBorder data-testid="shared-case-history">
          <Title order={4}>{t('victims.consent.categoryNames.case_history')}</Title>
          {s.caseHistory.details && <Text size="sm">{s.caseHistory.details}</Text>}
          <Text size="sm">{labels.values('vic_TypeOfExploitation', s.caseHistory.typeOfExploitation)}</Text>
        </Card>
      )}
      {s.tampered.length > 0 && <Alert color="red">{t('referrals.shared.tampered')}</Alert>}
    </Stack>
  );
}
