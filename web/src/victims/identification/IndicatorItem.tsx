import { Badge, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useVictimLabels } from '../labels.ts';
import { type Answer, answers, type SetIndicator } from './schema.ts';

type Props = { indicator: SetIndicator; answer: Answer | undefined; onAnswer: (answer: Answer) => void };

/** One indicator: its text, strength, explanation (in the data's language when it has no translation) and answer. */
export function IndicatorItem({ indicator, answer, onAnswer }: Props) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  const label = labels.text(indicator.labels);
  const explanation = labels.text(indicator.explanation);
  return (
    <Stack gap={6} py="xs" data-indicator-id={indicator.id} data-answer={answer ?? 'none'}>
      <Text fw={500} lang={label.lang}>
        {label.text}
      </Text>
      <Group gap={4}>
        {indicator.strength && (
          <Badge size="xs" variant="light" color={indicator.strength === 'strong' ? 'dark' : 'gray'}>
            {t(`victims.assess.strength.${indicator.strength}`)}
          </Badge>
        )}
        {indicator.nonPunishment && (
          <Badge size="xs" color="red" variant="light">
            {t('victims.assess.raisesNonPunishment')}
          </Badge>
        )}
      </Group>
      {explanation.text && (
        <Text size="sm" c="dimmed" lang={explanation.lang}>
          {explanation.text}
        </Text>
      )}
      <SegmentedControl
        fullWidth
        value={answer ?? ''}
        onChange={(value) => {
          const chosen = answers.find((a) => a === value);
          if (chosen) onAnswer(chosen);
        }}
        data={answers.map((a) => ({ value: a, label: t(`victims.assess.answers.${a}`) }))}
        aria-label={label.text}
      />
    </Stack>
  );
}
