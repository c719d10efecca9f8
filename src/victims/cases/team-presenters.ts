import type { TeamMemberRow, UserRef } from './team-repo.ts';

// A case team as the API shows it: users by name and role, nothing about persons.

export const presentUser = (u: UserRef) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  roles: [...u.roles],
});

export type TeamView = {
  caseId: string;
  owner: UserRef | null;
  members: { row: TeamMemberRow; user: UserRef }[];
};

export function presentTeam(t: TeamView) {
  return {
    caseId: t.caseId,
    owner: t.owner && presentUser(t.owner),
    members: t.members.map((m) => ({
      ...presentUser(m.user),
      addedAt: m.row.added_at.toISOString(),
      addedBy: m.row.added_by,
    })),
  };
}
