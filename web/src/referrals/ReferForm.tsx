import { Alert, Button, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../platform/common/ErrorAlert.tsx';
import { useRegionName } from '../platform/countries.ts';
import { createReferral, fetchRecipientAgencies, fetchRecipients, referralKeys } from './api.ts';
import { REASONS } from './schema.ts';

/**
 * /referrals/new?personId=…[&caseId=…][&peerId=…] — draft a referral to an agency of an active
 * peer's country, chosen from the agencies that country's node lists.
 */
export function ReferForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const personId = params.get('personId') ?? '';
  const caseId = params.get('caseId');
  const recipients = useQuery({ queryKey: referralKeys.recipients, queryFn: fetchRecipients });
  const country = useRegionName();
  const [peerId, setPeerId] = useState<string | null>(params.get('peerId'));
  const [agency, setAgency] = useState('');
  const [reason, setReason] = useState<string | null>('MigrationOrChangeOfLocation');
  const [details, setDetails] = useState('');
  const create = useMutation({
    mutationFn: () =>
      createReferral({
        personId,
        ...(caseId ? { caseId } : {}),
        peerId: peerId ?? '',
        receivingAgency: agency.trim(),
        reason: reason ?? 'Other',
        ...(details.trim() ? { details: details.trim() } : {}),
      }),
    onSuccess: async (r) => {
      await queryClient.invalidateQueries({ queryKey: referralKeys.all });
      navigate(`/referrals/${r.id}`);
    },
  });
  const choosePeer = (next: string | null) => {
    setPeerId(next);
    setAgency('');
  };
  return (
    <Stack maw={560} data-testid="refer-form">
      <Title order={2}>{t('referrals.refer.title')}</Title>
      <ErrorAlert error={recipients.error} />
      <Select
        label={t('referrals.refer.country')}
        description={t('referrals.refer.countryHelp')}
        data={(recipients.data ?? []).map((p) => ({
          value: p.peerId,
          label: `${country(p.country)} — ${p.name}`,
        }))}
        value={peerId}
        onChange={choosePeer}
        data-testid="refer-peer"
        required
      />
      {peerId && (
        <AgencyField
          key={peerId}
          peerId={peerId}
          node={recipients.data?.find((p) => p.peerId === peerId)?.name ?? ''}
          value={agency}
          onChange={setAgency}
        />
      )}
      <Select
        label={t('referrals.refer.reason')}
        data={REASONS.map((r) => ({ value: r, label: t(`referrals.reasons.${r}`) }))}
        value={reason}
        onChange={setReason}
        data-testid="refer-reason"
      />
      <Textarea
        label={t('referrals.refer.details')}
        description={t('referrals.refer.detailsHelp')}
        value={details}
        onChange={(e) => setDetails(e.currentTarget.value)}
        autosize
        minRows={3}
        data-testid="refer-details"
      />
      <ErrorAlert
        error={create.error}
        labels={{
          caseId: t('referrals.refer.case'),
          peerId: t('referrals.refer.country'),
          receivingAgency: t('referrals.refer.agency'),
          reason: t('referrals.refer.reason'),
          details: t('referrals.refer.details'),
        }}
      />
      <Button
        onClick={() => create.mutate()}
        loading={create.isPending}
        disabled={!personId || !peerId || !agency.trim()}
        data-testid="refer-create"
      >
        {t('referrals.refer.create')}
      </Button>
    </Stack>
  );
}

/**
 * The receiving agency: one of the agencies the peer's node lists (asked of it over the signed
 * federation channel); typed by hand only when that list could not be had, with a note saying so.
 */
function AgencyField(props: {
  peerId: string;
  node: string;
  value: string;
  onChange: (name: string) => void;
}) {
  const { t } = useTranslation();
  const directory = useQuery({
    queryKey: referralKeys.agencies(props.peerId),
    queryFn: () => fetchRecipientAgencies(props.peerId),
    retry: false,
  });
  if (directory.isPending) {
    return (
      <Select
        label={t('referrals.refer.agency')}
        placeholder={t('referrals.refer.agencyLoading', { node: props.node })}
        data={[]}
        disabled
        data-testid="refer-agency-loading"
      />
    );
  }
  if (directory.data?.available) {
    return (
      <Select
        label={t('referrals.refer.agency')}
        description={t('referrals.refer.agencyPick', { node: props.node })}
        data={directory.data.agencies.map((a) => ({ value: a.name, label: a.name }))}
        value={props.value || null}
        onChange={(name) => props.onChange(name ?? '')}
        searchable
        nothingFoundMessage={t('referrals.refer.agencyNoMatch')}
        data-testid="refer-agency"
        required
      />
    );
  }
  return (
    <Stack gap="xs">
      <Alert color="yellow" data-testid="refer-agency-unavailable">
        {t('referrals.refer.agencyUnavailable', { node: props.node })}
      </Alert>
      <TextInput
        label={t('referrals.refer.agency')}
        description={t('referrals.refer.agencyHelp')}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        maxLength={200}
        data-testid="refer-agency"
        required
      />
    </Stack>
  );
}
