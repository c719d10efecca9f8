import { Anchor, Badge, Card, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RecordAuditLink } from '../../platform/audit/RecordAuditLink.tsx';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { useSession } from '../../platform/session/context.ts';
import { ReferButton } from '../../referrals/ReferButton.tsx';
import { fetchCase, victimsKeys } from '../api.ts';
import { ConsentPanel } from '../consent/ConsentPanel.tsx';
import { useVictimLabels } from '../labels.ts';
import { mayUpdateCase, mayUseConsent } from '../roles.ts';
import type { CaseRecord } from '../schema.ts';
import { CaseNotes } from './CaseNotes.tsx';
import { CaseStatusControl } from './CaseStatusControl.tsx';
import { CaseTasks } from './CaseTasks.tsx';
import { CaseTeam } from './CaseTeam.tsx';
import { useCaseUsers } from './case-users.ts';
import { ReferralDetails } from './ReferralDetails.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { SupportPlans } from './SupportPlans.tsx';
import { Timeline } from './Timeline.tsx';

/**
 * /victims/cases/:id — the case: status, persons, team, tasks, support plans (board), referral details,
 * notes, consents, timeline.
 */
export function CasePage() {
  const { id = '' } = useParams();
  const record = useQuery({ queryKey: victimsKeys.case(id), queryFn: () => fetchCase(id) });
  if (record.isPending) {
    return (
      <Center p="lg">
        <Loader />
      </Center>
    );
  }
  if (record.isError) return <ErrorAlert error={record.error} />;
  return <CaseView record={record.data} />;
}

function CaseView({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  const { user } = useSession();
  const victims = record.persons.filter((p) => p.role === 'victim');
  const users = useCaseUsers(record.id);
  return (
    <Stack data-testid="case-page" data-case-id={record.id}>
      <div>
        <Anchor component={Link} to="/victims/cases" size="sm">
          ← {t('victims.tabs.cases')}
        </Anchor>
        <Group gap="xs" align="center">
          <Title order={2}>
            {t('victims.cases.title', { reference: record.externalId ?? record.id.slice(0, 8) })}
          </Title>
          <StatusBadge status={record.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('victims.cases.openedOn')}: {labels.date(record.openedOn)} · HTCDS:{' '}
          {labels.value('cas_Status', record.htcdsStatus)}
        </Text>
        {record.status === 'closed' && record.closeReason && (
          <Text size="sm">
            {t('victims.cases.closeReason')}: {record.closeReason}
          </Text>
        )}
        <RecordAuditLink recordId={record.id} />
      </div>
      {mayUpdateCase(user.roles) && <CaseStatusControl record={record} />}
      <Card withBorder padding="sm">
        <Text fw={700} mb="xs">
          {t('victims.cases.persons')}
        </Text>
        <Group gap="xs" data-testid="case-persons">
          {record.persons.map((p) => (
            <Badge key={p.person.id} variant="light" size="lg" style={{ textTransform: 'none' }}>
              <Anchor component={Link} to={`/victims/persons/${p.person.id}`} size="sm">
                {p.person.name || p.person.pseudonym}
              </Anchor>{' '}
              · {t(`victims.cases.roles.${roleOf(p.role)}`)}
            </Badge>
          ))}
        </Group>
        <Group gap="xs" mt="xs">
          {victims.map((p) => (
            <ReferButton
              key={p.person.id}
              personId={p.person.id}
              caseId={record.id}
              name={p.person.name || p.person.pseudonym}
            />
          ))}
        </Group>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <CaseTeam caseId={record.id} users={users} />
        <CaseTasks caseId={record.id} users={users} />
      </SimpleGrid>
      <SupportPlans record={record} />
      <ReferralDetails caseId={record.id} />
      <CaseNotes caseId={record.id} users={users} />
      {mayUseConsent(user.roles) &&
        victims.map((p) => (
          <ConsentPanel
            key={p.person.id}
            personId={p.person.id}
            title={t('victims.consent.titleFor', { name: p.person.name || p.person.pseudonym })}
          />
        ))}
      <Timeline caseId={record.id} />
    </Stack>
  );
}

function roleOf(role: string) {
  return role === 'victim' || role === 'perpetrator' || role === 'witness' || role === 'family'
    ? role
    : 'other';
}
