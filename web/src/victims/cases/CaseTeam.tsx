import { Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { useSession } from '../../platform/session/context.ts';
import { mayManageTeam } from '../roles.ts';
import type { CaseUsers } from './case-users.ts';
import { addMember, changeOwner, removeMember, teamKeys } from './team-api.ts';
import type { CaseUser, Team } from './team-schema.ts';

/** The case owner and team; caseworkers add and remove members and hand the case over. */
export function CaseTeam({ caseId, users }: { caseId: string; users: CaseUsers }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const manager = mayManageTeam(user.roles);
  const done = async (team: Team) => {
    queryClient.setQueryData(teamKeys.team(caseId), team);
    await queryClient.invalidateQueries({ queryKey: teamKeys.tasks(caseId) });
  };
  const remove = useMutation({
    mutationFn: (userId: string) => removeMember(caseId, userId),
    onSuccess: done,
  });
  const team = users.team.data;
  const roleNames = (u: CaseUser) => u.roles.map((r) => t(`roles.${r}`, { defaultValue: r })).join(', ');
  return (
    <Card
      withBorder
      padding="sm"
      component="section"
      aria-labelledby="case-team-title"
      data-testid="case-team"
    >
      <Stack gap="xs">
        <Title order={2} size="h3" id="case-team-title">
          {t('victims.team.title')}
        </Title>
        <ErrorAlert error={users.team.error} />
        {team && (
          <>
            <Text size="sm" data-testid="case-owner">
              <Text span fw={700} size="sm">
                {t('victims.team.owner')}:
              </Text>{' '}
              {team.owner
                ? `${team.owner.displayName} (${roleNames(team.owner)})`
                : t('victims.team.noOwner')}
            </Text>
            {team.members.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('victims.team.noMembers')}
              </Text>
            )}
            <Group gap="xs" data-testid="team-members">
              {team.members.map((m) => (
                <Badge
                  key={m.id}
                  variant="light"
                  size="lg"
                  style={{ textTransform: 'none', maxWidth: '100%' }}
                  data-user-id={m.id}
                  rightSection={
                    manager ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        loading={remove.isPending && remove.variables === m.id}
                        onClick={() => remove.mutate(m.id)}
                        aria-label={t('victims.team.remove', { name: m.displayName })}
                        data-testid="team-remove"
                      >
                        ×
                      </Button>
                    ) : undefined
                  }
                >
                  {m.displayName} · {roleNames(m)}
                </Badge>
              ))}
            </Group>
            <ErrorAlert
              error={remove.error}
              labels={{ userId: team.members.find((m) => m.id === remove.variables)?.displayName ?? '' }}
            />
            {manager && (
              <TeamControls caseId={caseId} team={team} candidates={users.candidates} onDone={done} />
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

type ControlsProps = {
  caseId: string;
  team: Team;
  candidates: readonly CaseUser[];
  onDone: (team: Team) => Promise<void>;
};

function TeamControls({ caseId, team, candidates, onDone }: ControlsProps) {
  const { t } = useTranslation();
  const [member, setMember] = useState<string | null>(null);
  const [owner, setOwner] = useState<string | null>(null);
  const onTeam = new Set([team.owner?.id, ...team.members.map((m) => m.id)]);
  const joinable = candidates.filter((u) => !onTeam.has(u.id));
  const owners = candidates.filter((u) => u.roles.includes('caseworker') && u.id !== team.owner?.id);
  const option = (u: CaseUser) => ({ value: u.id, label: `${u.displayName} (${u.username})` });
  const add = useMutation({
    mutationFn: (userId: string) => addMember(caseId, userId),
    onSuccess: async (next) => {
      setMember(null);
      await onDone(next);
    },
  });
  const hand = useMutation({
    mutationFn: (userId: string) => changeOwner(caseId, userId),
    onSuccess: async (next) => {
      setOwner(null);
      await onDone(next);
    },
  });
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <Select
          label={t('victims.team.add')}
          data={joinable.map(option)}
          value={member}
          onChange={setMember}
          searchable
          nothingFoundMessage={t('victims.team.nobody')}
          style={{ flex: '1 1 12rem' }}
          data-testid="team-add-select"
        />
        <Button
          variant="light"
          disabled={!member}
          loading={add.isPending}
          onClick={() => member && add.mutate(member)}
          data-testid="team-add"
        >
          {t('victims.team.addButton')}
        </Button>
      </Group>
      <ErrorAlert error={add.error} labels={{ userId: t('victims.team.add') }} />
      <Group align="flex-end" gap="xs">
        <Select
          label={t('victims.team.handOver')}
          description={t('victims.team.handOverHelp')}
          data={owners.map(option)}
          value={owner}
          onChange={setOwner}
          searchable
          nothingFoundMessage={t('victims.team.nobody')}
          style={{ flex: '1 1 12rem' }}
          data-testid="team-owner-select"
        />
        <Button
          variant="default"
          disabled={!owner}
          loading={hand.isPending}
          onClick={() => owner && hand.mutate(owner)}
          data-testid="team-owner"
        >
          {t('victims.team.handOverButton')}
        </Button>
      </Group>
      <ErrorAlert error={hand.error} labels={{ userId: t('victims.team.handOver') }} />
    </Stack>
  );
}
