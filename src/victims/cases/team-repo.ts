import { sql } from 'kysely';
import { isRole, type Role } from '../../platform/auth/roles.ts';
import type { Exec } from '../../platform/db/database.ts';

// SQL on case teams, and the few facts about users (names, roles) case management shows.

export type TeamMemberRow = {
  user_id: string;
  added_by: string | null;
  added_at: Date;
};

export type UserRef = { id: string; username: string; displayName: string; roles: Role[]; disabled: boolean };

export async function isTeamMember(db: Exec, caseId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('case_team_members')
    .select('user_id')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function teamMembers(db: Exec, caseId: string): Promise<TeamMemberRow[]> {
  return db
    .selectFrom('case_team_members')
    .select(['user_id', 'added_by', 'added_at'])
    .where('case_id', '=', caseId)
    .orderBy('added_at')
    .orderBy('user_id')
    .execute();
}

/** Adds a member; false when already on the team. */
export async function insertTeamMember(
  tx: Exec,
  values: { agency_id: string; case_id: string; user_id: string; added_by: string },
): Promise<boolean> {
  const result = await tx
    .insertInto('case_team_members')
    .values(values)
    .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return result.numInsertedOrUpdatedRows === 1n;
}

export async function deleteTeamMember(tx: Exec, caseId: string, userId: string): Promise<boolean> {
  const result = await tx
    .deleteFrom('case_team_members')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows === 1n;
}

export async function setCaseOwner(tx: Exec, caseId: string, ownerId: string): Promise<void> {
  await tx
    .updateTable('cases')
    .set({ owner_id: ownerId, updated_at: new Date() })
    .where('id', '=', caseId)
    .execute();
}

/** Users of the agency, by id (absent ids are not in the agency). */
export async function agencyUsers(
  db: Exec,
  agencyId: string,
  ids: readonly string[],
): Promise<Map<string, UserRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'roles', 'disabled'])
    .where('agency_id', '=', agencyId)
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, toRef(r)]));
}

/** Enabled users of the agency holding any of these roles, by name. */
export async function agencyUsersWithRoles(
  db: Exec,
  agencyId: string,
  roles: readonly Role[],
): Promise<UserRef[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'roles', 'disabled'])
    .where('agency_id', '=', agencyId)
    .where('disabled', '=', false)
    .where(sql<boolean>`roles && ${[...roles]}::text[]`)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
  return rows.map(toRef);
}

function toRef(r: {
  id: string;
  username: string;
  display_name: string;
  roles: string[];
  disabled: boolean;
}): UserRef {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    roles: r.roles.filter(isRole),
    disabled: r.disabled,
  };
}
