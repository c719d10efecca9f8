import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { reasonsOf } from './logic.ts';
import type { Evidence } from './schema.ts';

const levelColor = { high: 'red', medium: 'orange', low: 'gray' } as const;

/** How likely a match is and why: each signal the server scored, in the interface language. */
export function Reasons({ evidence }: { evidence: Evidence }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="merge-reasons" data-level={evidence.level}>
      <Badge size="sm" color={levelColor[evidence.level]} style={{ flexShrink: 0 }}>
        {t(`victims.register.likelihood.${evidence.level}`)}
      </Badge>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {reasonsOf(evidence)
          .map(({ key, percent }) => t(`victims.merges.reasons.${key}`, { percent }))
          .join(' · ')}
      </Text>
    </Group>
  );
}
