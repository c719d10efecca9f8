import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { useSession } from '../../platform/session/context.ts';
import { PickField } from '../fields.tsx';
import { useVictimLabels } from '../labels.ts';
import { OrganisationField, useOrganisationLabel } from '../organisations/OrganisationField.tsx';
import { mayUpdateCase } from '../roles.ts';
import {
  type ReferralDetails as Details,
  fetchReferralDetails,
  type ReferralDetailsInput,
  referralKey,
  saveReferralDetails,
} from './referral-api.ts';
import { teamKeys } from './team-api.ts';

// The case's HTCDS Referral Details: who referred the case in and where it was referred on.

type Label =
  | 'referringOrganisation'
  | 'incomingReferralDate'
  | 'referringPrimaryCaseWorker'
  | 'reasonForIncomingReferral'
  | 'incomingReferralDetails'
  | 'referredOrganisation'
  | 'outgoingReferralDate'
  | 'referredPrimaryCaseWorker'
  | 'reasonForOutgoingReferral'
  | 'outgoingReferralDetails';
/** A field's label key: `referredOrganisationId` → `referredOrganisation`. */
const labelOf = (field: string) => field.replace(/Id$/, '') as Label;

/** The form's two halves: referred to us, and referred on by us (HTCDS incoming and outgoing). */
const DIRECTIONS = [
  {
    title: 'incoming',
    organisation: 'referringOrganisationId',
    date: 'incomingReferralDate',
    caseWorker: 'referringPrimaryCaseWorker',
    reason: 'reasonForIncomingReferral',
    picklist: 'cas_ReasonForIncomingReferral',
    details: 'incomingReferralDetails',
  },
  {
    title: 'outgoing',
    organisation: 'referredOrganisationId',
    date: 'outgoingReferralDate',
    caseWorker: 'referredPrimaryCaseWorker',
    reason: 'reasonForOutgoingReferral',
    picklist: 'cas_ReasonForOutgoingReferral',
    details: 'outgoingReferralDetails',
  },
] as const;

export function ReferralDetails({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [editing, setEditing] = useState(false);
  const details = useQuery({ queryKey: referralKey(caseId), queryFn: () => fetchReferralDetails(caseId) });
  return (
    <Card withBorder padding="sm" data-testid="case-referral">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{t('victims.caseReferral.title')}</Text>
        {details.data && !editing && mayUpdateCase(user.roles) && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => setEditing(true)}
            data-testid="referral-edit"
          >
            {t('common.edit')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={details.error} />
      {details.data &&
        (editing ? (
          <ReferralForm caseId={caseId} stored={details.data} onDone={() => setEditing(false)} />
        ) : (
          <ReferralView stored={details.data} />
        ))}
    </Card>
  );
}

function ReferralView({ stored }: { stored: Details }) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  const organisations = {
    referringOrganisationId: useOrganisationLabel(stored.referringOrganisationId),
    referredOrganisationId: useOrganisationLabel(stored.referredOrganisationId),
  };
  const tampered = stored.integrity?.tamperedFields ?? [];
  // The fields in the form's order, each as a reader sees it.
  const rows: [Label, string | null | undefined][] = DIRECTIONS.flatMap((d) => {
    const reason = stored[d.reason];
    return [
      [labelOf(d.organisation), organisations[d.organisation]],
      [labelOf(d.date), labels.date(stored[d.date])],
      [labelOf(d.caseWorker), stored[d.caseWorker]],
      [labelOf(d.reason), reason && labels.value(d.picklist, reason)],
      [labelOf(d.details), stored[d.details]],
    ] satisfies [Label, string | null | undefined][];
  });
  const shown = rows.filter(([, value]) => value);
  return (
    <Stack gap={4}>
      {tampered.length > 0 && (
        <Alert color="red" title={t('victims.person.tampered')}>
          {t('victims.person.tamperedHelp', {
            fields: tampered.map((f) => t(`victims.caseReferral.${labelOf(f)}`)).join(', '),
          })}
        </Alert>
      )}
      {shown.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('victims.caseReferral.none')}
        </Text>
      )}
      {shown.map(([key, value]) => (
        <Text size="sm" key={key} data-testid={`referral-${key}`}>
          <Text span c="dimmed" size="sm">
            {t(`victims.caseReferral.${key}`)}:
          </Text>{' '}
          {value}
        </Text>
      ))}
    </Stack>
  );
}

type Form = Required<{ [K in keyof ReferralDetailsInput]: string }>;

function formOf(stored: Details): Form {
  const { caseId: _id, updatedAt: _at, integrity: _i, ...fields } = stored;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v ?? ''])) as Form;
}

function ReferralForm({ caseId, stored, onDone }: { caseId: string; stored: Details; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>(() => formOf(stored));
  const set = (key: keyof Form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const input = (key: keyof Form) => ({
    label: t(`victims.caseReferral.${labelOf(key)}`),
    value: form[key],
    onChange: (event: { currentTarget: { value: string } }) => set(key)(event.currentTarget.value),
    'data-testid': `referral-input-${key}`,
  });
  // A refused field is named by its label: the form sends each at its own key.
  const labels = Object.fromEntries(
    DIRECTIONS.flatMap((d) => [d.organisation, d.date, d.caseWorker, d.reason, d.details]).map((key) => [
      key,
      t(`victims.caseReferral.${labelOf(key)}`),
    ]),
  );
  const save = useMutation({
    // Empty fields are sent as null: a PUT sets the whole set.
    mutationFn: () =>
      saveReferralDetails(
        caseId,
        Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v.trim() === '' ? null : v.trim()])),
      ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(referralKey(caseId), saved);
      onDone();
      await queryClient.invalidateQueries({ queryKey: teamKeys.timeline(caseId) });
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="xs">
        {DIRECTIONS.map((d) => (
          <Stack gap="xs" key={d.title}>
            <Text fw={600} size="sm">
              {t(`victims.caseReferral.${d.title}`)}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <OrganisationField
                label={t(`victims.caseReferral.${labelOf(d.organisation)}`)}
                value={form[d.organisation]}
                onChange={set(d.organisation)}
                testId={`referral-input-${d.organisation}`}
              />
              <TextInput type="date" {...input(d.date)} />
              <TextInput maxLength={200} {...input(d.caseWorker)} />
              <PickField
                field={d.picklist}
                label={t(`victims.caseReferral.${labelOf(d.reason)}`)}
                value={form[d.reason]}
                onChange={set(d.reason)}
              />
            </SimpleGrid>
            <Textarea autosize minRows={2} maxLength={4000} {...input(d.details)} />
          </Stack>
        ))}
        <ErrorAlert error={save.error} labels={labels} />
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="referral-save">
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
