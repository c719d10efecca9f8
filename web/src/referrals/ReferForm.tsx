import { Button, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../platform/common/ErrorAlert.tsx';
import { createReferral, fetchRecipients, referralKeys } from './api.ts';
import { REASONS } from './schema.ts';

/** /referrals/new?personId=…[&caseId=…] — draft a referral to an agency of an active peer's country. */
export function ReferForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const personId = params.get('personId') ?? '';
  const caseId = params.get('caseId');
  const recipients = useQuery({ queryKey: referralKeys.recipients, queryFn: fetchRecipients });
  const [peerId, setPeerId] = useState<string | null>(null);
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
  return (
    <Stack maw={560} data-testid="refer-form">
      <Title order={2}>{t('referrals.refer.title')}</Title>
      <ErrorAlert error={recipients.error} />
      <Select
        label={t('referrals.refer.country')}
        description={t('referrals.refer.countryHelp')}
        data={(recipients.data ?? []).map((p) => ({ value: p.peerId, label: `${p.country} — ${p.name}` }))}
        value={peerId}
        onChange={setPeerId}
        data-testid="refer-peer"
        required
      />
      <TextInput
        label={t('referrals.refer.agency')}
        description={t('referrals.refer.agencyHelp')}
        value={agency}
        onChange={(e) => setAgency(e.currentTarget.value)}
        data-testid="refer-agency"
        required
      />
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
      <ErrorAlert error={create.error} />
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
