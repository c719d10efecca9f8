import {
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../i18n/language-name.ts';
import { languageOf } from '../../i18n/languages.ts';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { useFormatTime } from '../../platform/common/format.ts';
import { victimsKeys } from '../api.ts';
import { useVictimLabels } from '../labels.ts';
import { NameText, wrapAnywhere } from '../persons/NameText.tsx';
import { consentKeys, withdrawConsent } from './api.ts';
import { sha256Hex } from './body.ts';
import { type Consent, type Giver, givers } from './schema.ts';

const stateColor = { active: 'green', not_yet_valid: 'yellow', expired: 'gray', withdrawn: 'red' } as const;

/** One consent as recorded, its state now, and its withdrawal (which takes effect at once). */
export function ConsentCard({ consent, personId }: { consent: Consent; personId: string }) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  const formatTime = useFormatTime();
  const [withdrawing, setWithdrawing] = useState(false);
  const c = consent;
  const witness = c.method.witness;
  const recipient = [
    labels.country(c.recipient.country),
    c.recipient.agency ?? t('victims.consent.anyAgency'),
  ].join(' · ');
  return (
    <Card withBorder padding="sm" data-testid="consent-card" data-consent-id={c.id} data-state={c.state}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Text fw={700}>{t(`victims.consent.purposes.${c.purpose}`)}</Text>
        <Badge color={stateColor[c.state]} data-testid="consent-state">
          {t(`victims.consent.states.${c.state}`)}
        </Badge>
      </Group>
      {!c.htcds.con_Consent && (
        <Text size="sm" c="red" fw={700}>
          {t('victims.consent.refusal')}
        </Text>
      )}
      <Text size="sm">{c.categories.map((cat) => t(`victims.consent.categoryNames.${cat}`)).join(', ')}</Text>
      <Text size="sm">
        {t('victims.consent.recipient')}: {recipient}
      </Text>
      <Text size="sm">
        {t('victims.consent.givenBy')}: {t(`victims.consent.givers.${c.givenBy.kind}`)}
        {c.givenBy.name &&
          ` — ${c.givenBy.name}${c.givenBy.relationship ? ` (${c.givenBy.relationship})` : ''}`}
        {' · '}
        {t(`victims.consent.methods.${c.method.kind}`)}
      </Text>
      {witness && (witness.name || witness.role) && (
        <Text size="sm" style={wrapAnywhere}>
          {witness.name && (
            <>
              {t('victims.consent.witnessName')}: <NameText>{witness.name}</NameText>
            </>
          )}
          {witness.name && witness.role && ' · '}
          {witness.role && `${t('victims.consent.witnessRole')}: ${witness.role}`}
        </Text>
      )}
      {c.interpreter && (
        <Text size="sm" style={wrapAnywhere}>
          {c.interpreter.name && (
            <>
              {t('victims.consent.interpreterName')}: <NameText>{c.interpreter.name}</NameText> ·{' '}
            </>
          )}
          {t('victims.consent.interpreterLanguage')}:{' '}
          {languageName(c.interpreter.language, languageOf(labels.lang).htmlLang)}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('victims.consent.validity', { from: formatTime(c.givenAt), to: formatTime(c.expiresAt) })}
      </Text>
      {c.withdrawal && (
        <Text size="sm" c="red">
          {t('victims.consent.withdrawnOn', {
            time: formatTime(c.withdrawal.withdrawnAt),
            by: t(`victims.consent.givers.${c.withdrawal.statedBy}`),
          })}
          {c.withdrawal.note && ` — ${c.withdrawal.note}`}
        </Text>
      )}
      {c.tampered.length > 0 && (
        <Text size="sm" c="red" fw={700}>
          {t('victims.person.tamperedHelp', { fields: c.tampered.join(', ') })}
        </Text>
      )}
      {!c.withdrawal && !withdrawing && (
        <Group mt="xs">
          <Button
            size="compact-sm"
            variant="light"
            color="red"
            onClick={() => setWithdrawing(true)}
            data-testid="consent-withdraw"
          >
            {t('victims.consent.withdraw')}
          </Button>
        </Group>
      )}
      {!c.withdrawal && withdrawing && (
        <WithdrawForm consentId={c.id} personId={personId} onDone={() => setWithdrawing(false)} />
      )}
    </Card>
  );
}

function WithdrawForm({
  consentId,
  personId,
  onDone,
}: {
  consentId: string;
  personId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [statedBy, setStatedBy] = useState<Giver>('subject');
  const [method, setMethod] = useState<'verbal' | 'written'>('verbal');
  const [formSha256, setFormSha256] = useState('');
  const [note, setNote] = useState('');
  const withdraw = useMutation({
    mutationFn: () =>
      withdrawConsent(consentId, {
        statedBy,
        method: method === 'written' ? { kind: 'written', formSha256 } : { kind: 'verbal' },
        ...(note.trim() && { note: note.trim() }),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: consentKeys.list(personId) });
      await queryClient.invalidateQueries({ queryKey: victimsKeys.caseManagement });
      onDone();
    },
  });
  const ready = method === 'verbal' || /^[0-9a-f]{64}$/.test(formSha256);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (ready) withdraw.mutate();
  };
  return (
    <form onSubmit={submit} data-testid="withdraw-form">
      <Stack gap="xs" mt="xs">
        <Text size="sm" c="dimmed">
          {t('victims.consent.withdrawHelp')}
        </Text>
        <Select
          label={t('victims.consent.statedBy')}
          data={givers.map((g) => ({ value: g, label: t(`victims.consent.givers.${g}`) }))}
          value={statedBy}
          onChange={(value) => setStatedBy(givers.find((g) => g === value) ?? 'subject')}
          allowDeselect={false}
        />
        <SegmentedControl
          fullWidth
          value={method}
          onChange={(value) => setMethod(value === 'written' ? 'written' : 'verbal')}
          data={[
            { value: 'verbal', label: t('victims.consent.methods.verbal') },
            { value: 'written', label: t('victims.consent.methods.written') },
          ]}
        />
        {method === 'written' && (
          <FileInput
            label={t('victims.consent.withdrawalFile')}
            description={t('victims.consent.formFileHelp')}
            onChange={(file) => void (file ? sha256Hex(file).then(setFormSha256) : setFormSha256(''))}
            clearable
            required
          />
        )}
        <Textarea
          label={t('victims.consent.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <ErrorAlert
          error={withdraw.error}
          labels={{
            statedBy: t('victims.consent.statedBy'),
            'method.formSha256': t('victims.consent.withdrawalFile'),
            note: t('victims.consent.note'),
          }}
        />
        <Group>
          <Button
            type="submit"
            color="red"
            loading={withdraw.isPending}
            disabled={!ready}
            data-testid="withdraw-submit"
          >
            {t('victims.consent.withdrawNow')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
