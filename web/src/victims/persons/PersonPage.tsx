import { Alert, Anchor, Badge, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { RecordAuditLink } from '../../platform/audit/RecordAuditLink.tsx';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { useSession } from '../../platform/session/context.ts';
import { ReferButton } from '../../referrals/ReferButton.tsx';
import { fetchPerson, openCase, victimsKeys } from '../api.ts';
import { ConsentPanel } from '../consent/ConsentPanel.tsx';
import { AssessmentsSection } from '../identification/AssessmentsSection.tsx';
import { useAssessments, useIndicatorSets } from '../identification/api.ts';
import { NonPunishmentFlag } from '../identification/NonPunishmentFlag.tsx';
import { mayMerge } from '../merges/api.ts';
import { DuplicatesSection } from '../merges/DuplicatesSection.tsx';
import { labelOf } from '../merges/logic.ts';
import { MergedBanner, MergedRecordsSection, useMergeGroup } from '../merges/MergeGroup.tsx';
import { mayAssess, mayEditPerson, mayOpenCase, mayUseConsent } from '../roles.ts';
import type { Person } from '../schema.ts';
import { NameText, wrapAnywhere } from './NameText.tsx';
import { personName } from './name.ts';
import { PersonFacts } from './PersonFacts.tsx';

export { personName } from './name.ts';

/** /victims/persons/:id — the person, the non-punishment flag, assessments and consents. */
export function PersonPage() {
  const { id = '' } = useParams();
  const person = useQuery({ queryKey: victimsKeys.person(id), queryFn: () => fetchPerson(id) });
  if (person.isPending) {
    return (
      <Center p="lg">
        <Loader />
      </Center>
    );
  }
  if (person.isError) return <ErrorAlert error={person.error} />;
  return <PersonView person={person.data} />;
}

function PersonView({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const assessor = mayAssess(user.roles);
  const sets = useIndicatorSets(assessor);
  const assessments = useAssessments(person.id, assessor);
  const raisedBy = (assessments.data ?? []).find((a) => a.nonPunishment);
  const merger = mayMerge(user.roles);
  const group = useMergeGroup(person.id, merger);
  // A merged-away person (a tombstone) takes nothing new: its page points to the survivor.
  const survivorId = group.data && group.data.survivorId !== person.id ? group.data.survivorId : null;
  return (
    <Stack data-testid="person-page" data-person-id={person.id}>
      <div>
        <Anchor component={Link} to="/victims" size="sm">
          ← {t('victims.tabs.persons')}
        </Anchor>
        <Group gap="xs" align="center">
          <Title order={2} data-testid="person-name" style={wrapAnywhere}>
            <NameText>{personName(person)}</NameText>
          </Title>
          {person.victim && <Badge variant="light">{t('victims.person.victim')}</Badge>}
          {person.perpetrator && (
            <Badge variant="light" color="gray">
              {t('victims.person.perpetrator')}
            </Badge>
          )}
        </Group>
        {person.view === 'identity' && (
          <Text size="sm" c="dimmed">
            {t('victims.person.pseudonym')}: {person.pseudonym}
          </Text>
        )}
        <RecordAuditLink recordId={person.id} />
      </div>
      {survivorId && <MergedBanner survivorId={survivorId} />}
      {raisedBy && (
        <NonPunishmentFlag reference={sets.data?.nonPunishment} testId="non-punishment-flag">
          <Text size="xs" mt="xs">
            {t('victims.nonPunishment.raisedBy', { decision: t(`victims.decisions.${raisedBy.decision}`) })}
          </Text>
        </NonPunishmentFlag>
      )}
      {person.integrity?.status === 'tampered' && (
        <Alert color="red" title={t('victims.person.tampered')} data-testid="person-tampered">
          {t('victims.person.tamperedHelp', { fields: person.integrity.tamperedFields.join(', ') })}
        </Alert>
      )}
      <Group gap="xs" align="flex-start">
        {mayEditPerson(user.roles) && !survivorId && (
          <Button
            variant="default"
            component={Link}
            to={`/victims/persons/${person.id}/edit`}
            data-testid="person-edit-open"
          >
            {t('victims.edit.open')}
          </Button>
        )}
        {mayOpenCase(user.roles) && !survivorId && <OpenCaseButton personId={person.id} />}
      </Group>
      {!survivorId && <ReferButton personId={person.id} />}
      <PersonFacts person={person} />
      {group.data && <MergedRecordsSection records={group.data} />}
      {merger && !survivorId && (
        <DuplicatesSection
          person={{ id: person.id, name: labelOf({ pseudonym: person.pseudonym, name: personName(person) }) }}
        />
      )}
      {assessor && <AssessmentsSection personId={person.id} catalog={sets.data} mayAssess={!survivorId} />}
      {mayUseConsent(user.roles) && <ConsentPanel personId={person.id} />}
    </Stack>
  );
}

function OpenCaseButton({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = useMutation({
    mutationFn: () => openCase({ persons: [{ personId, role: 'victim' }] }),
    onSuccess: async (opened) => {
      await queryClient.invalidateQueries({ queryKey: victimsKeys.cases });
      navigate(`/victims/cases/${opened.id}`);
    },
  });
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="light" onClick={() => open.mutate()} loading={open.isPending} data-testid="open-case">
        {t('victims.cases.open')}
      </Button>
      <ErrorAlert error={open.error} />
    </Stack>
  );
}
