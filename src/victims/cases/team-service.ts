import { appendAudit } from '../../platform/audit/append.ts';
import type { Exec } from '../../platform/db/database.ts';
import { conflict, type IssueParams, invalid, notFound } from '../../platform/http/errors.ts';
import { actorOf, type VictimsContext } from '../service.ts';
import { requireVisibleCase } from './access.ts';
import { recordCaseRead, recordCaseWrite } from './activity.ts';
import { TEAM_ROLES } from './policy.ts';
import { countOpenTasks } from './tasks-repo.ts';
import type { TeamView } from './team-presenters.ts';
import {
  agencyUsers,
  agencyUsersWithRoles,
  deleteTeamMember,
  insertTeamMember,
  setCaseOwner,
  teamMembers,
  type UserRef,
} from './team-repo.ts';
import type { UserIdInput } from './team-schema.ts';

// The owner and team of a case. Each command runs in one transaction with its audit entry.

async function loadTeam(ctx: VictimsContext, tx: Exec, caseId: string, ownerId: string | null) {
  const rows = await teamMembers(tx, caseId);
  const users = await agencyUsers(
    tx,
    ctx.principal.agencyId,
    [...rows.map((r) => r.user_id), ownerId].filter((id) => id !== null),
  );
  const view: TeamView = {
    caseId,
    owner: (ownerId && users.get(ownerId)) || null,
    members: rows.flatMap((row) => {
      const user = users.get(row.user_id);
      return user ? [{ row, user }] : [];
    }),
  };
  return view;
}

function refuseUser(code: string, message: string, params?: IssueParams): never {
  throw invalid(`Invalid user: ${message}`, [{ path: 'userId', code, message, ...(params && { params }) }]);
}

async function requireUser(ctx: VictimsContext, tx: Exec, userId: string): Promise<UserRef> {
  const user = (await agencyUsers(tx, ctx.principal.agencyId, [userId])).get(userId);
  if (!user) refuseUser('not_agency_user', 'is not a user of your agency');
  if (user.disabled) refuseUser('user_disabled', 'is disabled');
  return user;
}

export async function readTeam(ctx: VictimsContext, caseId: string): Promise<TeamView> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await requireVisibleCase(tx, ctx.principal, caseId);
    const team = await loadTeam(ctx, tx, caseId, row.owner_id);
    await recordCaseRead(tx, ctx, caseId, 'case_team.read', { members: team.members.length });
    return team;
  });
}

export async function addTeamMember(ctx: VictimsContext, caseId: string, input: UserIdInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await requireVisibleCase(tx, ctx.principal, caseId, { forUpdate: true });
    const user = await requireUser(ctx, tx, input.userId);
    if (!user.roles.some((r) => TEAM_ROLES.includes(r))) {
      refuseUser('not_team_role', `needs one of the roles ${TEAM_ROLES.join(', ')} to work on a case`, {
        roles: [...TEAM_ROLES],
      });
    }
    const added = await insertTeamMember(tx, {
      agency_id: ctx.principal.agencyId,
      case_id: caseId,
      user_id: input.userId,
      added_by: ctx.principal.userId,
    });
    if (!added) {
      throw conflict('The user is already on the team.', [
        { path: 'userId', code: 'on_team', message: 'is already on the team' },
      ]);
    }
    await recordCaseWrite(tx, ctx, {
      caseId,
      action: 'case_team.add',
      recordType: 'case',
      recordId: caseId,
      change: { userId: input.userId },
      detail: { userId: input.userId },
    });
    return loadTeam(ctx, tx, caseId, row.owner_id);
  });
}

export async function removeTeamMember(ctx: VictimsContext, caseId: string, userId: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await requireVisibleCase(tx, ctx.principal, caseId, { forUpdate: true });
    const open = await countOpenTasks(tx, caseId, userId);
    if (!(await deleteTeamMember(tx, caseId, userId))) throw notFound('The team member');
    if (open > 0) {
      throw conflict(`The member has ${open} open task(s) in this case; reassign them first.`, [
        {
          path: 'userId',
          code: 'open_tasks',
          message: 'has open tasks in this case',
          params: { count: open },
        },
      ]);
    }
    await recordCaseWrite(tx, ctx, {
      caseId,
      action: 'case_team.remove',
      recordType: 'case',
      recordId: caseId,
      change: { userId },
      detail: { userId },
    });
    return loadTeam(ctx, tx, caseId, row.owner_id);
  });
}

/** The owner is an enabled caseworker of the agency (cas_CaseOwner). */
export async function changeOwner(ctx: VictimsContext, caseId: string, input: UserIdInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await requireVisibleCase(tx, ctx.principal, caseId, { forUpdate: true });
    const user = await requireUser(ctx, tx, input.userId);
    if (!user.roles.includes('caseworker'))
      refuseUser('not_caseworker', 'must be a caseworker to own a case');
    if (row.owner_id !== input.userId) {
      await setCaseOwner(tx, caseId, input.userId);
      await recordCaseWrite(tx, ctx, {
        caseId,
        action: 'case.owner',
        recordType: 'case',
        recordId: caseId,
        change: { from: row.owner_id, to: input.userId },
        detail: { fromUserId: row.owner_id, toUserId: input.userId },
      });
    }
    return loadTeam(ctx, tx, caseId, input.userId);
  });
}

/** Who may be put on a team (users of the agency with a role that reads cases). */
export async function listCandidates(ctx: VictimsContext): Promise<UserRef[]> {
  return ctx.db.transaction().execute(async (tx) => {
    const users = await agencyUsersWithRoles(tx, ctx.principal.agencyId, TEAM_ROLES);
    await appendAudit(tx, {
      actor: actorOf(ctx.principal),
      action: 'case_team.candidates.list',
      recordType: 'agency',
      recordId: ctx.principal.agencyId,
      change: { count: users.length },
    });
    return users;
  });
}
