import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useScreeningLabels } from '../labels.ts';
import type { Indicator } from '../schema.ts';
import { categoryColor } from '../vocabulary.ts';

/** One line per red flag, strongest first: its category (the colour of its highlight), why, and its weight. */
export function ReasonsList({ indicators }: { indicators: readonly Indicator[] }) {
  const { t } = useTranslation();
  const labels = useScreeningLabels();
  const titleId = useId();
  const sorted = [...indicators].sort((a, b) => b.weight - a.weight);
  return (
    <section aria-labelledby={titleId}>
      <Title order={3} size="h4" id={titleId} mb="xs">
        {t('screening.result.reasons')}
      </Title>
      {sorted.length === 0 ? (
        <Text c="dimmed" data-testid="reasons">
          {t('screening.result.noReasons')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" data-testid="reasons" p={0} m={0} style={{ listStyle: 'none' }}>
          {sorted.map((indicator) => (
            // Wraps: on a phone the reason takes a line of its own under the category, rather than
            // being squeezed to a word a line between it and the weight.
            <Group
              component="li"
              key={indicator.id}
              gap="xs"
              wrap="wrap"
              align="flex-start"
              data-indicator={indicator.id}
            >
              <Badge
                color={`${categoryColor(indicator.category)}.2`}
                autoContrast
                maw="100%"
                style={{ flexShrink: 0 }}
              >
                {labels.category(indicator.category)}
              </Badge>
              <Text size="sm" style={{ flex: '1 1 14rem', minWidth: 0, overflowWrap: 'anywhere' }}>
                {indicator.reason}
              </Text>
              <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                {t('screening.result.weight', { weight: labels.number(indicator.weight) })}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </section>
  );
}
