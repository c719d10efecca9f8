import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useScreeningLabels } from '../labels.ts';
import type { ScreenResult } from '../schema.ts';
import { LevelBadge } from './LevelBadge.tsx';

/** The score at a glance: risk as a percentage and its level, the language, and the model behind it. */
export function RiskSummary({ result }: { result: ScreenResult }) {
  const { t } = useTranslation();
  const labels = useScreeningLabels();
  return (
    <Group gap="xl" align="flex-end" wrap="wrap">
      <Stack gap={0}>
        <Text size="sm" c="dimmed">
          {t('screening.result.risk')}
        </Text>
        <Group gap="sm" align="center">
          <Text fz={32} fw={700} data-testid="risk-percent" lh={1.2}>
            {labels.percent(result.risk)}
          </Text>
          <LevelBadge level={result.level} size="lg" testId="risk-level" />
        </Group>
      </Stack>
      <Fact label={t('screening.result.language')} value={labels.language(result.lang)} />
      <Fact label={t('screening.result.model')} value={result.model.name} testId="model-name" />
      <Fact label={t('screening.result.probability')} value={labels.percent(result.model.probability)} />
    </Group>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={500} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}
