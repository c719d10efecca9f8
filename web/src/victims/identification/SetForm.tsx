import { Accordion, Badge, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useVictimLabels } from '../labels.ts';
import { type AnswerState, answerMap, setAnswer } from './answers.ts';
import { IndicatorItem } from './IndicatorItem.tsx';
import { scoreLive } from './live.ts';
import type { IndicatorSet } from './schema.ts';

type Props = { set: IndicatorSet; answers: AnswerState; onChange: (answers: AnswerState) => void };

/** One indicator set: its dimensions (each with its rule, live: met or not), their indicators. */
export function SetForm({ set, answers, onChange }: Props) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  const given = answers[set.id] ?? {};
  const live = scoreLive(set, answerMap(answers, set.id));
  const title = labels.text(set.labels);
  return (
    <Card withBorder padding="sm" data-testid="indicator-set" data-set-id={set.id}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={3} size="h4" lang={title.lang}>
          {title.text}
        </Title>
        <Text size="sm" c="dimmed">
          {t('victims.assess.answered', { count: live.answered, total: set.indicators.length })}
        </Text>
      </Group>
      {set.verification.status !== 'checked' && (
        <Text size="xs" c="dimmed" mt={4}>
          {t(
            `victims.assess.verification.${set.verification.status === 'secondary' ? 'secondary' : 'unchecked'}`,
          )}
        </Text>
      )}
      <Accordion multiple variant="separated" mt="sm" defaultValue={set.dimensions.map((d) => d.id)}>
        {set.dimensions.map((dimension) => {
          const result = live.dimensions.find((d) => d.id === dimension.id);
          const name = labels.text(dimension.labels);
          const rule = labels.text(dimension.rule.text);
          return (
            <Accordion.Item key={dimension.id} value={dimension.id} data-dimension-id={dimension.id}>
              <Accordion.Control>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text fw={500} lang={name.lang}>
                    {name.text}
                  </Text>
                  <Badge
                    size="sm"
                    color={result?.positive ? 'orange' : 'gray'}
                    variant={result?.positive ? 'filled' : 'light'}
                    style={{ flexShrink: 0 }}
                  >
                    {result?.positive ? t('victims.assess.met') : t('victims.assess.notMet')}
                  </Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Text size="xs" c="dimmed" lang={rule.lang}>
                  {t('victims.assess.rule')}: {rule.text}
                </Text>
                <Stack gap={0} mt="xs">
                  {set.indicators
                    .filter((indicator) => indicator.dimension === dimension.id)
                    .map((indicator, i) => (
                      <div key={indicator.id}>
                        {i > 0 && <Divider />}
                        <IndicatorItem
                          indicator={indicator}
                          answer={given[indicator.id]}
                          onAnswer={(answer) => onChange(setAnswer(answers, set.id, indicator.id, answer))}
                        />
                      </div>
                    ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </Card>
  );
}
