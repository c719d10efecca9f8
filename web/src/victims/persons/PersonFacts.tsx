import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useVictimLabels } from '../labels.ts';
import { useOrganisationLabel } from '../organisations/OrganisationField.tsx';
import type { Person } from '../schema.ts';

type Fact = { label: string; value: string };

/** What the reader may see of the person: identity for caseworkers, otherwise the profile only. */
export function PersonFacts({ person }: { person: Person }) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  const fact = (label: string, value: string | null | undefined): Fact[] => (value ? [{ label, value }] : []);
  const { identity, profile, victim } = person;
  const recruitedAt = useOrganisationLabel(victim?.locationOfRecruitmentId);
  const exploitedAt = useOrganisationLabel(victim?.locationOfExploitationId);
  const age =
    profile.ageAtRegistration === null || profile.ageAtRegistration === undefined
      ? null
      : `${profile.ageAtRegistration}${profile.ageIsEstimate ? ` (${t('victims.person.estimated')})` : ''}`;
  const facts: Fact[] = [
    ...fact(t('victims.person.birthdate'), labels.date(identity?.birthdate)),
    ...fact(t('victims.person.ageAtRegistration'), age),
    ...fact(t('victims.person.gender'), profile.gender && labels.value('prs_Gender', profile.gender)),
    ...fact(t('victims.person.citizenship'), profile.citizenship.map(labels.country).join(', ')),
    ...fact(t('victims.person.identityNumber'), identity?.identityNumber),
    ...fact(t('victims.person.mobilePhone'), identity?.mobilePhone),
    ...fact(t('victims.person.registeredOn'), labels.date(person.registeredOn)),
    ...fact(t('victims.person.externalId'), person.externalId),
    ...fact(t('victims.person.disabilities'), labels.values('jar_Disability', profile.disabilities)),
    ...fact(
      t('victims.person.migrationStatus'),
      profile.migrationStatus && labels.value('jar_MigrationStatus', profile.migrationStatus),
    ),
    ...fact(t('victims.person.ethnicity'), profile.ethnicity),
  ];
  const context: Fact[] = victim
    ? [
        ...fact(
          t('victims.person.traffickingStatus'),
          victim.traffickingStatus && labels.value('vic_TraffickingStatus', victim.traffickingStatus),
        ),
        ...fact(
          t('victims.person.typeOfExploitation'),
          labels.values('vic_TypeOfExploitation', victim.typeOfExploitation),
        ),
        ...fact(
          t('victims.person.forcedCriminalityTypes'),
          labels.values('jar_ForcedCriminalityType', victim.forcedCriminalityTypes),
        ),
        ...fact(
          t('victims.person.recruitmentPlatform'),
          victim.recruitmentPlatform && labels.value('jar_RecruitmentPlatform', victim.recruitmentPlatform),
        ),
        ...fact(t('victims.person.recruitmentHandle'), victim.recruitmentHandle),
        ...fact(t('victims.person.recruitmentAdUrl'), victim.recruitmentAdUrl),
        ...fact(t('victims.person.locationOfRecruitment'), recruitedAt),
        ...fact(t('victims.person.locationOfExploitation'), exploitedAt),
        ...fact(
          t('victims.register.compound'),
          [
            victim.scamCompoundName,
            victim.scamCompoundCity,
            victim.scamCompoundCountry && labels.country(victim.scamCompoundCountry),
          ]
            .filter(Boolean)
            .join(', '),
        ),
        ...fact(t('victims.person.detailsOfVulnerabilities'), victim.detailsOfVulnerabilities),
      ]
    : [];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="person-facts">
      <FactCard title={t('victims.person.profile')} facts={facts} />
      {victim && <FactCard title={t('victims.person.victimContext')} facts={context} />}
    </SimpleGrid>
  );
}

function FactCard({ title, facts }: { title: string; facts: readonly Fact[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm">
      <Text fw={700} mb="xs">
        {title}
      </Text>
      <Stack gap={4}>
        {facts.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('victims.register.nothingEntered')}
          </Text>
        )}
        {facts.map((f) => (
          <Text size="sm" key={f.label} style={{ overflowWrap: 'anywhere' }}>
            <Text span size="sm" fw={700}>
              {f.label}:
            </Text>{' '}
            {f.value}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
