import { Accordion, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFormatTime } from '../../platform/common/format.ts';
import { QueryState } from '../../platform/common/QueryState.tsx';
import { AssessmentView } from './AssessmentView.tsx';
import { useAssessments } from './api.ts';
import type { AssessmentSummary, SetsAnswer } from './schema.ts';

type Props = { personId: string; catalog: SetsAnswer | undefined; mayAssess: boolean };

/** A person's assessments, newest first; the one just recorded (or the newest) opened. */
export function AssessmentsSection({ personId, catalog, mayAssess }: Props) {
  const { t } = useTranslation();
  const assessments = useAssessments(personId);
  return (
    <Stack component="section" aria-labelledby="assessments-title" gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3" id="assessments-title">
          {t('victims.assess.listTitle')}
        </Title>
        {mayAssess && (
          <Button component={Link} to={`/victims/persons/${personId}/assess`} data-testid="assess-person">
            {t('victims.assess.start')}
          </Button>
        )}
      </Group>
      <QueryState query={assessments} empty={t('victims.assess.none')}>
        {(list) => <AssessmentAccordion list={list} catalog={catalog} />}
      </QueryState>
    </Stack>
  );
}

function AssessmentAccordion({
  list,
  catalog,
}: {
  list: readonly AssessmentSummary[];
  catalog: SetsAnswer | undefined;
}) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const [params] = useSearchParams();
  const opened = params.get('assessment') ?? list[0]?.id ?? null;
  return (
    <Accordion variant="separated" defaultValue={opened} data-testid="assessments">
      {list.map((a) => (
        <Accordion.Item key={a.id} value={a.id} data-assessment-id={a.id} data-decision={a.decision}>
          <Accordion.Control>
            <Group gap="xs">
              <Text size="sm">{formatTime(a.assessedAt)}</Text>
              <Badge color={a.decision === 'not_victim' ? 'gray' : 'blue'}>
                {t(`victims.decisions.${a.decision}`)}
              </Badge>
              {a.nonPunishment && (
                <Badge color="red" data-testid="assessment-non-punishment">
                  {t('victims.nonPunishment.badge')}
                </Badge>
              )}
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <AssessmentView id={a.id} catalog={catalog} />
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
