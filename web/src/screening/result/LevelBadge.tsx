import { Badge, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../schema.ts';
import { levelColors } from '../vocabulary.ts';

type Props = { level: RiskLevel; size?: MantineSize; testId?: string };

export function LevelBadge({ level, size, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Badge
      color={levelColors[level]}
      variant="filled"
      autoContrast
      size={size}
      miw="max-content"
      data-testid={testId}
      data-level={level}
    >
      {t(`screening.levels.${level}`)}
    </Badge>
  );
}
