import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useVictimLabels } from '../labels.ts';
import { useOrganisationLabel } from '../organisations/OrganisationField.tsx';
import type { Draft, Step } from './draft.ts';

type Row = { label: string; value: string };

/** Everything entered, by step, to check before registering; each step can be reopened. */
export function ReviewStep({ draft, onEdit }: { draft: Draft; onEdit: (step: Step) => void }) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  const recruitedAt = useOrganisationLabel(draft.locationOfRecruitmentId);
  const exploitedAt = useOrganisationLabel(draft.locationOfExploitationId);
  const row = (label: string, value: string): Row[] => (value.trim() ? [{ label, value }] : []);
  const name = [draft.firstName, draft.middleName, draft.secondName].filter((p) => p.trim()).join(' ');
  const age = draft.birthdate
    ? labels.date(draft.birthdate)
    : draft.age && `${draft.age}${draft.ageIsEstimate ? ` (${t('victims.person.estimated')})` : ''}`;
  const sections: { step: Step; rows: Row[] }[] = [
    {
      step: 'identity',
      rows: [
        ...row(t('victims.person.name'), name),
        ...row(t(draft.birthdate ? 'victims.person.birthdate' : 'victims.person.age'), age),
        ...row(t('victims.person.gender'), draft.gender && labels.value('prs_Gender', draft.gender)),
        ...row(t('victims.person.citizenship'), draft.citizenship.map(labels.country).join(', ')),
        ...row(t('victims.person.identityNumber'), draft.identityNumber),
        ...row(t('victims.person.mobilePhone'), draft.mobilePhone),
        ...row(t('victims.person.registeredOn'), labels.date(draft.registeredOn)),
        ...row(t('victims.person.externalId'), draft.externalId),
      ],
    },
    {
      step: 'exploitation',
      rows: [
        ...row(
          t('victims.person.typeOfExploitation'),
          labels.values('vic_TypeOfExploitation', draft.typeOfExploitation),
        ),
        ...row(
          t('victims.person.forcedCriminalityTypes'),
          labels.values('jar_ForcedCriminalityType', draft.forcedCriminalityTypes),
        ),
        ...row(
          t('victims.person.recruitmentPlatform'),
          draft.recruitmentPlatform && labels.value('jar_RecruitmentPlatform', draft.recruitmentPlatform),
        ),
        ...row(t('victims.person.recruitmentHandle'), draft.recruitmentHandle),
        ...row(t('victims.person.recruitmentAdUrl'), draft.recruitmentAdUrl),
        ...row(t('victims.person.locationOfRecruitment'), recruitedAt),
        ...row(t('victims.person.locationOfExploitation'), exploitedAt),
        ...row(
          t('victims.register.compound'),
          [
            draft.scamCompoundName,
            draft.scamCompoundCity,
            draft.scamCompoundCountry && labels.country(draft.scamCompoundCountry),
          ]
            .filter(Boolean)
            .join(', '),
        ),
      ],
    },
    {
      step: 'vulnerability',
      rows: [
        ...row(t('victims.person.disabilities'), labels.values('jar_Disability', draft.disabilities)),
        ...row(
          t('victims.person.migrationStatus'),
          draft.migrationStatus && labels.value('jar_MigrationStatus', draft.migrationStatus),
        ),
        ...row(t('victims.person.ethnicity'), draft.ethnicity),
        ...row(t('victims.person.detailsOfVulnerabilities'), draft.detailsOfVulnerabilities),
      ],
    },
  ];
  return (
    <Stack data-testid="register-review">
      {sections.map((section) => (
        <Card key={section.step} withBorder padding="sm">
          <Group justify="space-between" wrap="nowrap" mb="xs">
            <Title order={3} size="h5">
              {t(`victims.register.steps.${section.step}`)}
            </Title>
            <Button size="compact-sm" variant="subtle" onClick={() => onEdit(section.step)}>
              {t('common.edit')}
            </Button>
          </Group>
          {section.rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('victims.register.nothingEntered')}
            </Text>
          ) : (
            section.rows.map((r) => (
              <Text size="sm" key={r.label} style={{ overflowWrap: 'anywhere' }}>
                <Text span fw={700} size="sm">
                  {r.label}:
                </Text>{' '}
                {r.value}
              </Text>
            ))
          )}
        </Card>
      ))}
    </Stack>
  );
}
