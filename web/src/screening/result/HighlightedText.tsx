import { Mark, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { type CSSProperties, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ScreeningLabels, useScreeningLabels } from '../labels.ts';
import type { Identifier, Indicator } from '../schema.ts';
import { buildSegments, type Segment } from '../segments.ts';
import { categoryColor } from '../vocabulary.ts';

type Props = { text: string; indicators: readonly Indicator[]; identifiers: readonly Identifier[] };

const underline: CSSProperties = {
  textDecorationLine: 'underline',
  textDecorationThickness: '2px',
  textUnderlineOffset: '3px',
  textDecorationColor: 'var(--mantine-color-indigo-7)',
};

/**
 * The post as posted, red flags highlighted in their category's colour and identifiers underlined;
 * pointing at or focusing a mark shows why. Always React text, never HTML: markup in a post shows
 * literally.
 */
export function HighlightedText({ text, indicators, identifiers }: Props) {
  const { t } = useTranslation();
  const labels = useScreeningLabels();
  const segments = useMemo(
    () => buildSegments(text, indicators, identifiers),
    [text, indicators, identifiers],
  );
  return (
    <Stack gap={4}>
      <Paper withBorder p="md" data-testid="highlighted-text">
        <Text component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lh={1.9}>
          {segments.map((segment) => (
            <SegmentView
              key={segment.start}
              segment={segment}
              indicators={indicators}
              identifiers={identifiers}
              labels={labels}
            />
          ))}
        </Text>
      </Paper>
      <Text size="xs" c="dimmed">
        {t('screening.result.legend')}
      </Text>
    </Stack>
  );
}

type SegmentProps = {
  segment: Segment;
  indicators: readonly Indicator[];
  identifiers: readonly Identifier[];
  labels: ScreeningLabels;
};

function SegmentView({ segment, indicators, identifiers, labels }: SegmentProps) {
  const marking = segment.indicators.flatMap((i) => indicators[i] ?? []);
  const naming = segment.identifiers.flatMap((i) => identifiers[i] ?? []);
  if (marking.length === 0 && naming.length === 0) return segment.text;

  const label = (
    <Stack gap={2}>
      {marking.map((indicator) => (
        <Text key={indicator.id} size="xs" inherit>
          <strong>{labels.category(indicator.category)}:</strong> {indicator.reason}
        </Text>
      ))}
      {naming.map((identifier) => (
        <Text key={`${identifier.kind}:${identifier.normalized}`} size="xs" inherit>
          <strong>{labels.kind(identifier.kind)}:</strong> {identifier.normalized}
        </Text>
      ))}
    </Stack>
  );
  const data = {
    'data-indicators': marking.map((indicator) => indicator.id).join(' ') || undefined,
    'data-identifiers': naming.map((identifier) => identifier.kind).join(' ') || undefined,
  };
  const strongest = marking.reduce<Indicator | undefined>(
    (best, indicator) => (!best || indicator.weight > best.weight ? indicator : best),
    undefined,
  );

  return (
    <Tooltip
      label={label}
      multiline
      w={320}
      withArrow
      inline
      events={{ hover: true, focus: true, touch: true }}
    >
      {strongest ? (
        <Mark
          color={categoryColor(strongest.category)}
          tabIndex={0}
          style={naming.length > 0 ? underline : undefined}
          {...data}
        >
          {segment.text}
        </Mark>
      ) : (
        <Text component="span" inherit tabIndex={0} style={underline} {...data}>
          {segment.text}
        </Text>
      )}
    </Tooltip>
  );
}
