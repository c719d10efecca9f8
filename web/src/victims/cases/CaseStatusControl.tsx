import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { changeCaseStatus, victimsKeys } from '../api.ts';
import type { CaseRecord, CaseStatus } from '../schema.ts';

// The lifecycle moves the server allows (src/victims/case-service.ts): a closed case may reopen.
const next: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ['active', 'referred', 'closed'],
  active: ['referred', 'closed'],
  referred: ['active', 'closed'],
  closed: ['active'],
};

/** Moves the case on; closing asks for the reason (cas_ReasonForCaseClosure, encrypted). */
export function CaseStatusControl({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState('');
  const change = useMutation({
    mutationFn: (status: CaseStatus) =>
      changeCaseStatus(record.id, status === 'closed' ? { status, reason: reason.trim() } : { status }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(victimsKeys.case(record.id), updated);
      setClosing(false);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: victimsKeys.cases });
      await queryClient.invalidateQueries({ queryKey: victimsKeys.caseManagement });
    },
  });
  return (
    <Stack gap="xs" data-testid="case-status-control">
      <Group gap="xs">
        {next[record.status].map((status) => (
          <Button
            key={status}
            size="compact-sm"
            variant={status === 'closed' ? 'default' : 'light'}
            loading={change.isPending && change.variables === status}
            onClick={() => (status === 'closed' ? setClosing(true) : change.mutate(status))}
            data-testid={`case-to-${status}`}
          >
            {t(`victims.cases.moveTo.${status}`)}
          </Button>
        ))}
      </Group>
      {closing && (
        <Stack gap="xs">
          <Textarea
            label={t('victims.cases.closeReason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={4000}
            required
          />
          <Group>
            <Button color="gray" disabled={!reason.trim()} onClick={() => change.mutate('closed')}>
              {t('victims.cases.moveTo.closed')}
            </Button>
            <Button variant="default" onClick={() => setClosing(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
      <ErrorAlert
        error={change.error}
        labels={{ status: t('common.status'), reason: t('victims.cases.closeReason') }}
      />
    </Stack>
  );
}
