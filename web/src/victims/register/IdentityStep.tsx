import { Checkbox, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CountriesField, PickField } from '../fields.tsx';
import { DuplicateWarning } from './DuplicateWarning.tsx';
import type { StepProps } from './step.ts';

// The server's limits (src/victims/person-schema.ts), so a long value stops here, not at the end.
const maxLengths = { firstName: 200, middleName: 200, secondName: 200, identityNumber: 100, externalId: 200 };

/** Who the person is: names and numbers are encrypted at rest; a birth date or an (estimated) age. */
export function IdentityStep({ draft, update, issue, editing = false }: StepProps) {
  const { t } = useTranslation();
  const text = (key: 'firstName' | 'middleName' | 'secondName' | 'identityNumber' | 'externalId') => ({
    value: draft[key],
    maxLength: maxLengths[key],
    onChange: (event: ChangeEvent<HTMLInputElement>) => update({ [key]: event.currentTarget.value }),
  });
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('victims.person.firstName')} autoComplete="off" {...text('firstName')} />
        <TextInput label={t('victims.person.middleName')} autoComplete="off" {...text('middleName')} />
        <TextInput label={t('victims.person.secondName')} autoComplete="off" {...text('secondName')} />
      </SimpleGrid>
      {!editing && <DuplicateWarning draft={draft} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t('victims.person.birthdate')}
          value={draft.birthdate}
          max={draft.registeredOn || undefined}
          onChange={(event) => update({ birthdate: event.currentTarget.value })}
          error={issue('birthdate')}
        />
        {!draft.birthdate && (
          <Stack gap={6}>
            <TextInput
              label={t('victims.person.age')}
              description={t('victims.person.ageHelp')}
              inputMode="numeric"
              value={draft.age}
              onChange={(event) => update({ age: event.currentTarget.value })}
              error={issue('age')}
            />
            <Checkbox
              label={t('victims.person.ageIsEstimate')}
              checked={draft.ageIsEstimate}
              onChange={(event) => update({ ageIsEstimate: event.currentTarget.checked })}
            />
          </Stack>
        )}
      </SimpleGrid>
      <PickField
        field="prs_Gender"
        label={t('victims.person.gender')}
        value={draft.gender}
        onChange={(gender) => update({ gender })}
      />
      <CountriesField
        label={t('victims.person.citizenship')}
        value={draft.citizenship}
        onChange={(citizenship) => update({ citizenship })}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('victims.person.identityNumber')}
          autoComplete="off"
          {...text('identityNumber')}
        />
        <TextInput
          type="tel"
          inputMode="tel"
          label={t('victims.person.mobilePhone')}
          description={t('victims.person.mobilePhoneHelp')}
          autoComplete="off"
          maxLength={40}
          value={draft.mobilePhone}
          onChange={(event) => update({ mobilePhone: event.currentTarget.value })}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t('victims.person.registeredOn')}
          value={draft.registeredOn}
          onChange={(event) => update({ registeredOn: event.currentTarget.value })}
          required
        />
        <TextInput
          label={t('victims.person.externalId')}
          description={t(editing ? 'victims.edit.externalIdFixed' : 'victims.person.externalIdHelp')}
          autoComplete="off"
          disabled={editing}
          {...text('externalId')}
        />
      </SimpleGrid>
    </Stack>
  );
}
