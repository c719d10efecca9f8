import { Chip, Group, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountryOptions } from '../platform/countries.ts';
import { useOptions } from './catalogue.ts';

// Form fields shared by the victims pages. Picklists come from the HTCDS catalogue; countries are
// ISO 3166-1 alpha-2, ASEAN first, named in the interface language.

function useCountryData() {
  const { t } = useTranslation();
  return useCountryOptions({ asean: t('victims.fields.asean'), other: t('victims.fields.otherCountries') });
}

type Single = {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  testId?: string;
};
type Many = Omit<Single, 'value' | 'onChange'> & { value: string[]; onChange: (value: string[]) => void };

export function CountryField({ label, description, value, onChange, required, testId }: Single) {
  const data = useCountryData();
  return (
    <Select
      label={label}
      description={description}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchable
      clearable={!required}
      required={required}
      data-testid={testId}
    />
  );
}

export function CountriesField({ label, description, value, onChange, testId }: Many) {
  const data = useCountryData();
  return (
    <MultiSelect
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      maxValues={10}
      data-testid={testId}
    />
  );
}

/** One value of a catalogue picklist. */
export function PickField({
  field,
  label,
  description,
  value,
  onChange,
  required,
  testId,
}: Single & { field: string }) {
  const data = useOptions(field);
  return (
    <Select
      label={label}
      description={description}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchable={data.length > 8}
      clearable={!required}
      required={required}
      data-testid={testId}
    />
  );
}

// Long labels (and long translations) wrap inside the chip instead of running off a phone's screen.
const wrapping = {
  root: { maxWidth: '100%' },
  label: {
    whiteSpace: 'normal',
    height: 'auto',
    minHeight: 'var(--chip-size)',
    lineHeight: 1.3,
    paddingBlock: 4,
  },
} as const;

/**
 * Several values of a catalogue picklist as chips: one tap each, large enough for a phone, every
 * choice visible (a dropdown hides them).
 */
export function ChipsField({ field, label, description, value, onChange, testId }: Many & { field: string }) {
  const data = useOptions(field);
  const labelId = useId();
  return (
    <Stack gap={4} role="group" aria-labelledby={labelId} data-testid={testId}>
      <Text component="div" size="sm" fw={500} id={labelId}>
        {label}
      </Text>
      {description && (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      )}
      <Chip.Group multiple value={value} onChange={onChange}>
        <Group gap="xs">
          {data.map((option) => (
            <Chip key={option.value} value={option.value} size="sm" styles={wrapping}>
              {option.label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Stack>
  );
}
