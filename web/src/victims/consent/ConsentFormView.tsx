import {
  Button,
  Checkbox,
  FileInput,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { victimsKeys } from '../api.ts';
import { CountryField } from '../fields.tsx';
import { subjectAges } from '../identification/schema.ts';
import { survivorOfError } from '../merges/logic.ts';
import { MergedBanner } from '../merges/MergeGroup.tsx';
import { consentKeys, recordConsent } from './api.ts';
import { type ConsentForm, emptyConsentForm, missing, sha256Hex, toConsentBody } from './body.ts';
import { InterpreterLanguage } from './InterpreterLanguage.tsx';
import { consentFieldLabels } from './labels.ts';
import { categories, givers, purposes } from './schema.ts';

// Who may give consent for each age status, as data/consent/rules.json `recordable` says (the
// server refuses the rest): a guardian never speaks for an adult.
const giversFor = (age: ConsentForm['subjectAge']) =>
  givers.filter((g) => !(age === 'adult' && g === 'guardian'));

/** Records one consent: purpose, data categories, recipient, who gave it and how, until when. */
export function ConsentFormView({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ConsentForm>(() => emptyConsentForm());
  const [hashing, setHashing] = useState(false);
  const update = (patch: Partial<ConsentForm>) => setForm((current) => ({ ...current, ...patch }));
  const record = useMutation({
    mutationFn: async () => {
      const body = toConsentBody(form);
      if (!body) throw new Error('incomplete');
      return recordConsent(personId, body);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: consentKeys.list(personId) });
      await queryClient.invalidateQueries({ queryKey: victimsKeys.caseManagement });
      onDone();
    },
    // Merged away meanwhile: the list says so now (the panel then offers no recording).
    onError: (error) => {
      if (survivorOfError(error))
        void queryClient.invalidateQueries({ queryKey: consentKeys.list(personId) });
    },
  });
  // A 409 `merged` says where the person's record lives now, instead of a bare refusal.
  const mergedInto = survivorOfError(record.error);
  const incomplete = missing(form);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (incomplete.length === 0) record.mutate();
  };
  const chooseFile = async (file: File | null) => {
    if (!file) return update({ formSha256: '' });
    setHashing(true);
    try {
      update({ formSha256: await sha256Hex(file) });
    } finally {
      setHashing(false);
    }
  };

  return (
    <form onSubmit={submit} data-testid="consent-form">
      <Stack>
        <Select
          label={t('victims.consent.purpose')}
          data={purposes.map((p) => ({ value: p, label: t(`victims.consent.purposes.${p}`) }))}
          value={form.purpose || null}
          onChange={(value) => update({ purpose: purposes.find((p) => p === value) ?? '' })}
          required
        />
        <Checkbox.Group
          label={t('victims.consent.categories')}
          value={form.categories}
          onChange={(value) => update({ categories: categories.filter((c) => value.includes(c)) })}
          required
        >
          <Group gap="md" mt={6}>
            {categories.map((c) => (
              <Checkbox key={c} value={c} label={t(`victims.consent.categoryNames.${c}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CountryField
            label={t('victims.consent.country')}
            value={form.country}
            onChange={(country) => update({ country })}
            required
          />
          <TextInput
            label={t('victims.consent.agency')}
            description={t('victims.consent.agencyHelp')}
            value={form.agency}
            onChange={(event) => update({ agency: event.currentTarget.value })}
          />
        </SimpleGrid>
        <Select
          label={t('victims.consent.subjectAge')}
          data={subjectAges.map((a) => ({ value: a, label: t(`victims.ages.${a}`) }))}
          value={form.subjectAge || null}
          onChange={(value) => {
            const age = subjectAges.find((a) => a === value) ?? '';
            update({ subjectAge: age, giver: giversFor(age).includes(form.giver) ? form.giver : 'subject' });
          }}
          required
        />
        <Select
          label={t('victims.consent.givenBy')}
          data={giversFor(form.subjectAge).map((g) => ({
            value: g,
            label: t(`victims.consent.givers.${g}`),
          }))}
          value={form.giver}
          onChange={(value) => update({ giver: givers.find((g) => g === value) ?? 'subject' })}
          allowDeselect={false}
        />
        {form.giver !== 'subject' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('victims.consent.giverName')}
              value={form.giverName}
              onChange={(event) => update({ giverName: event.currentTarget.value })}
              required
            />
            <TextInput
              label={t('victims.consent.giverRelationship')}
              value={form.giverRelationship}
              onChange={(event) => update({ giverRelationship: event.currentTarget.value })}
              required
            />
          </SimpleGrid>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="consent-method">
            {t('victims.consent.method')}
          </Text>
          <SegmentedControl
            fullWidth
            aria-labelledby="consent-method"
            value={form.method}
            onChange={(value) => update({ method: value === 'signed_form' ? 'signed_form' : 'verbal' })}
            data={[
              { value: 'verbal', label: t('victims.consent.methods.verbal') },
              { value: 'signed_form', label: t('victims.consent.methods.signed_form') },
            ]}
          />
        </Stack>
        {form.method === 'signed_form' && (
          <Stack gap={4}>
            <FileInput
              label={t('victims.consent.formFile')}
              description={t('victims.consent.formFileHelp')}
              onChange={(file) => void chooseFile(file)}
              clearable
              required
              data-testid="consent-form-file"
            />
            {(hashing || form.formSha256) && (
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }} data-testid="consent-form-hash">
                SHA-256: {hashing ? t('common.loading') : form.formSha256}
              </Text>
            )}
          </Stack>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('victims.consent.witnessName')}
            value={form.witnessName}
            onChange={(event) => update({ witnessName: event.currentTarget.value })}
            required={form.method === 'verbal'}
          />
          <TextInput
            label={t('victims.consent.witnessRole')}
            value={form.witnessRole}
            onChange={(event) => update({ witnessRole: event.currentTarget.value })}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <InterpreterLanguage
            value={form.interpreterLanguage}
            onChange={(interpreterLanguage) => update({ interpreterLanguage })}
          />
          <TextInput
            label={t('victims.consent.interpreterName')}
            value={form.interpreterName}
            onChange={(event) => update({ interpreterName: event.currentTarget.value })}
            required={Boolean(form.interpreterLanguage)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={t('victims.consent.givenAt')}
            value={form.givenAt}
            onChange={(event) => update({ givenAt: event.currentTarget.value })}
            required
          />
          <TextInput
            type="date"
            label={t('victims.consent.expiresOn')}
            value={form.expiresOn}
            onChange={(event) => update({ expiresOn: event.currentTarget.value })}
            required
          />
        </SimpleGrid>
        <Checkbox
          label={t('victims.consent.consented')}
          description={t('victims.consent.consentedHelp')}
          checked={form.consented}
          onChange={(event) => update({ consented: event.currentTarget.checked })}
        />
        {mergedInto ? (
          <MergedBanner survivorId={mergedInto} />
        ) : (
          <ErrorAlert error={record.error} labels={consentFieldLabels(t)} />
        )}
        <Group>
          <Button
            type="submit"
            loading={record.isPending}
            disabled={incomplete.length > 0 || hashing || mergedInto !== null}
            data-testid="consent-submit"
          >
            {t('victims.consent.record')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
