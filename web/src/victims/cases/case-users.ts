import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSession } from '../../platform/session/context.ts';
import { mayManageTeam } from '../roles.ts';
import { fetchCandidates, fetchTeam, teamKeys } from './team-api.ts';
import type { CaseUser } from './team-schema.ts';

// The people of a case: its owner and team (every reader may see them) and, for caseworkers, the
// agency's users who may join it. Notes and tasks name users by id; these give their names.

export type CaseUsers = {
  team: ReturnType<typeof useTeam>;
  /** Candidates for the team (caseworkers only; empty otherwise). */
  candidates: readonly CaseUser[];
  /** A user's display name, or null when this reader cannot know it. */
  nameOf: (id: string | null | undefined) => string | null;
  /** Who a task may be given to: the owner, the team, and the agency's caseworkers. */
  assignable: readonly CaseUser[];
};

export const useTeam = (caseId: string) =>
  useQuery({ queryKey: teamKeys.team(caseId), queryFn: () => fetchTeam(caseId) });

export function useCaseUsers(caseId: string): CaseUsers {
  const { user } = useSession();
  const team = useTeam(caseId);
  const manager = mayManageTeam(user.roles);
  const candidates = useQuery({
    queryKey: teamKeys.candidates,
    queryFn: fetchCandidates,
    enabled: manager,
    staleTime: 60_000,
  });
  return useMemo(() => {
    const known = new Map<string, CaseUser>();
    const add = (u: CaseUser | null | undefined) => {
      if (u && !known.has(u.id)) known.set(u.id, u);
    };
    add(team.data?.owner);
    for (const member of team.data?.members ?? []) add(member);
    const assignable = [...known.values()];
    for (const candidate of candidates.data ?? []) {
      if (candidate.roles.includes('caseworker') && !known.has(candidate.id)) assignable.push(candidate);
      add(candidate);
    }
    add({ id: user.id, username: user.username, displayName: user.displayName, roles: user.roles });
    return {
      team,
      candidates: candidates.data ?? [],
      nameOf: (id) => (id ? (known.get(id)?.displayName ?? null) : null),
      assignable,
    };
  }, [team, candidates.data, user]);
}
