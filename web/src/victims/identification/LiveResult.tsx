import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useVictimLabels } from '../labels.ts';
import { type AnswerState, answerMap } from './answers.ts';
import { scoreLive } from './live.ts';
import type { IndicatorSet } from './schema.ts';

/** The result so far: per set, which dimensions are met and the indicators that drive them. */
export function LiveResult({ sets, answers }: { sets: readonly IndicatorSet[]; answers: AnswerState }) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  return (
    <Card withBorder padding="sm" data-testid="live-result">
      <Title order={3} size="h4">
        {t('victims.assess.liveTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('victims.assess.liveHelp')}
      </Text>
      <Stack gap="sm">
        {sets.map((set) => {
          const live = scoreLive(set, answerMap(answers, set.id));
          const title = labels.text(set.labels);
          return (
            <Stack key={set.id} gap={4} data-set-id={set.id}>
              <Text fw={700} size="sm" lang={title.lang}>
                {title.text}
              </Text>
              {live.dimensions.map((dimension) => {
                const source = set.dimensions.find((d) => d.id === dimension.id);
                const name = source ? labels.text(source.labels) : { text: dimension.id, lang: 'en' };
                return (
                  <div key={dimension.id} data-dimension-id={dimension.id} data-positive={dimension.positive}>
                    <Group gap="xs" wrap="nowrap">
                      <Badge
                        size="xs"
                        color={dimension.positive ? 'orange' : 'gray'}
                        style={{ flexShrink: 0 }}
                      >
                        {dimension.positive ? t('victims.assess.met') : t('victims.assess.notMet')}
                      </Badge>
                      <Text size="sm" lang={name.lang}>
                        {name.text}
                      </Text>
                    </Group>
                    {dimension.present.length > 0 && (
                      <List size="xs" ml="md">
                        {dimension.present.map((indicator) => {
                          const label = labels.text(indicator.labels);
                          return (
                            <List.Item key={indicator.id}>
                              <span lang={label.lang}>{label.text}</span>
                              {indicator.strength &&
                                ` (${t(`victims.assess.strength.${indicator.strength}`)})`}
                            </List.Item>
                          );
                        })}
                      </List>
                    )}
                  </div>
                );
              })}
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}
