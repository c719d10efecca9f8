import { Alert, Badge, Card, Center, Group, List, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { useVictimLabels } from '../labels.ts';
import { fetchAssessment, identificationKeys } from './api.ts';
import type { Assessment, SetsAnswer } from './schema.ts';

// An outcome's name is a sentence: it wraps instead of being cut off.
const wrapping = {
  root: { height: 'auto', maxWidth: '100%', textTransform: 'none', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const;

/** One recorded assessment as the server scored it: outcomes met, dimensions and what drove them. */
export function AssessmentView({ id, catalog }: { id: string; catalog: SetsAnswer | undefined }) {
  const query = useQuery({ queryKey: identificationKeys.one(id), queryFn: () => fetchAssessment(id) });
  if (query.isPending) {
    return (
      <Center p="sm">
        <Loader size="sm" />
      </Center>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} />;
  return <AssessmentDetail assessment={query.data} catalog={catalog} />;
}

function AssessmentDetail({
  assessment,
  catalog,
}: {
  assessment: Assessment;
  catalog: SetsAnswer | undefined;
}) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  const setOf = (setId: string) => catalog?.sets.find((s) => s.id === setId);
  return (
    <Stack gap="sm" data-testid="assessment-detail" data-assessment-id={assessment.id}>
      {assessment.result.sets.map((result) => {
        const set = setOf(result.setId);
        const title = set ? labels.text(set.labels) : { text: result.setId, lang: 'en' };
        const met = result.outcomes.filter((o) => o.met);
        return (
          <Card key={result.setId} withBorder padding="xs">
            <Text fw={700} size="sm" lang={title.lang}>
              {title.text}
            </Text>
            <Text size="xs" c="dimmed">
              {t('victims.assess.tally', result.tally)}
            </Text>
            <Group gap={4} mt={4} data-testid="assessment-outcomes">
              {met.length === 0 && <Badge color="gray">{t('victims.assess.noOutcome')}</Badge>}
              {met.map((outcome) => {
                const source = set?.outcomes.find((o) => o.id === outcome.id);
                const label = source ? labels.text(source.labels) : { text: outcome.id, lang: 'en' };
                return (
                  <Badge key={outcome.id} color="orange" lang={label.lang} styles={wrapping}>
                    {label.text}
                  </Badge>
                );
              })}
            </Group>
            <List size="sm" mt="xs" spacing={2}>
              {result.dimensions.map((dimension) => {
                const source = set?.dimensions.find((d) => d.id === dimension.id);
                const name = source ? labels.text(source.labels) : { text: dimension.id, lang: 'en' };
                const drivers = dimension.present.map((p) => {
                  const indicator = set?.indicators.find((i) => i.id === p.id);
                  return indicator ? labels.text(indicator.labels).text : p.id;
                });
                return (
                  <List.Item key={dimension.id}>
                    <Text span size="sm" fw={500} lang={name.lang}>
                      {name.text}
                    </Text>
                    {': '}
                    {dimension.positive ? t('victims.assess.met') : t('victims.assess.notMet')}
                    {drivers.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {drivers.join(' · ')}
                      </Text>
                    )}
                  </List.Item>
                );
              })}
            </List>
          </Card>
        );
      })}
      {assessment.narrative === 'shown' && assessment.rationale && (
        <div>
          <Text size="sm" fw={700}>
            {t('victims.assess.rationale')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {assessment.rationale}
          </Text>
        </div>
      )}
      {assessment.narrative === 'withheld' && (
        <Text size="sm" c="dimmed">
          {t('victims.assess.rationaleWithheld')}
        </Text>
      )}
      {assessment.narrative === 'tampered' && (
        <Alert color="red" title={t('victims.person.tampered')}>
          {t('victims.assess.rationaleTampered')}
        </Alert>
      )}
    </Stack>
  );
}
