import { Anchor, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatTime } from '../../platform/common/format.ts';
import { regionName } from '../../platform/countries.ts';
import { useSession } from '../../platform/session/context.ts';
import type { AlertDetail } from '../schema.ts';
import { isAlertSource } from '../vocabulary.ts';

/** Only web links become clickable; anything else (javascript:, data:) is shown as text. */
export function webHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function AlertFacts({ alert }: { alert: AlertDetail }) {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { user } = useSession();
  const country = (code: string) => `${regionName(i18n, code)} (${code})`;
  const assignee = !alert.assigneeId
    ? t('screening.alerts.unassigned')
    : alert.assigneeId === user.id
      ? t('screening.alerts.assignedToYou')
      : t('screening.alerts.assignedToOther');
  const href = alert.url ? webHref(alert.url) : undefined;

  const link = href ? (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" style={{ wordBreak: 'break-all' }}>
      {alert.url}
    </Anchor>
  ) : (
    <Text size="sm" style={{ wordBreak: 'break-all' }}>
      {alert.url ?? t('common.none')}
    </Text>
  );
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        <Fact label={t('screening.alerts.created')}>{formatTime(alert.createdAt)}</Fact>
        <Fact label={t('screening.alerts.source')} testId="alert-source">
          {isAlertSource(alert.source) ? t(`screening.alerts.sources.${alert.source}`) : alert.source}
        </Fact>
        {alert.externalId && (
          <Fact label={t('screening.alerts.externalId')}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {alert.externalId}
            </Text>
          </Fact>
        )}
        <Fact label={t('screening.alerts.country')}>
          {alert.country ? country(alert.country) : t('common.none')}
        </Fact>
        <Fact label={t('screening.alerts.url')}>{link}</Fact>
        <Fact label={t('screening.alerts.assignee')} testId="alert-assignee">
          {assignee}
        </Fact>
      </Table.Tbody>
    </Table>
  );
}

function Fact({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={180}>{label}</Table.Th>
      <Table.Td data-testid={testId}>{children}</Table.Td>
    </Table.Tr>
  );
}
