import { Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../../i18n/languages.ts';
import { type Month, yearsOffered } from './months.ts';

type Props = {
  label: string;
  /** What no year means: from the first registration, or up to now. */
  openLabel: string;
  value: Month | null;
  /** The month a newly picked year starts on: January for a start, December for an end. */
  defaultMonth: number;
  onChange: (value: Month | null) => void;
  testId: string;
};

/** A year and a month, nothing finer: statistics are given over whole months only. */
export function MonthField({ label, openLabel, value, defaultMonth, onChange, testId }: Props) {
  const { t, i18n } = useTranslation();
  const lang = languageOf(i18n.resolvedLanguage ?? i18n.language).htmlLang;
  const monthName = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
  const months = Array.from({ length: 12 }, (_, i) => ({
    value: String(i + 1),
    label: monthName.format(Date.UTC(2000, i, 1)),
  }));
  const years = yearsOffered(new Date()).map(String);
  return (
    <div data-testid={testId}>
      <Text size="sm" fw={500} mb={4}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Select
          aria-label={`${label}: ${t('victims.statistics.year')}`}
          data-testid={`${testId}-year`}
          w={130}
          data={years}
          value={value ? String(value.year) : null}
          placeholder={openLabel}
          clearable
          searchable
          onChange={(year) =>
            onChange(year ? { year: Number(year), month: value?.month ?? defaultMonth } : null)
          }
        />
        <Select
          aria-label={`${label}: ${t('victims.statistics.month')}`}
          data-testid={`${testId}-month`}
          w={160}
          data={months}
          value={value ? String(value.month) : null}
          disabled={!value}
          allowDeselect={false}
          onChange={(month) => value && month && onChange({ year: value.year, month: Number(month) })}
        />
      </Group>
    </div>
  );
}
