import { type Actor, appendAudit } from '../audit/append.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import { TOKEN_PREFIX } from '../auth/principal.ts';
import { deleteSessionsOf } from '../auth/repo.ts';
import { isRole, ROLES, type Role } from '../auth/roles.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import type { Db, Exec } from '../db/database.ts';
import { conflict, HttpError, invalid, notFound } from '../http/errors.ts';
import type { Principal } from '../http/policy.ts';
import { scopesCover } from './policy.ts';
import {
  type AgencyRow,
  duplicateOf,
  findAgency,
  findToken,
  findUserById,
  insertAgency,
  insertToken,
  insertUser,
  listTokens,
  lockUser,
  revokeToken,
  type TokenRow,
  type UserRow,
  updateAgency,
  updateUser,
} from './repo.ts';
import type { CreateTokenInput, CreateUserInput, UpdateAgencyInput, UpdateUserInput } from './schema.ts';

// Commands on agencies, users and API tokens. Each opens one transaction and audits in it.

const actorOf = (p: Principal): Actor => ({ id: p.userId, label: p.username });
const isAdministrator = (p: Principal) => p.roles.includes('administrator');

/** Turns a broken unique rule into a 409 that names the field. */
async function refuseDuplicates<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const duplicate = duplicateOf(err);
    if (duplicate === 'agencyName') {
      throw conflict('An agency with this name already exists.', [
        { path: 'name', code: 'taken', message: 'is already taken' },
      ]);
    }
    if (duplicate === 'username') {
      throw conflict('A user with this username already exists (usernames ignore case).', [
        { path: 'username', code: 'taken', message: 'is already taken' },
      ]);
    }
    throw err;
  }
}

async function requireAgency(tx: Exec, agencyId: string): Promise<void> {
  if (await findAgency(tx, agencyId)) return;
  throw invalid(`agencyId: there is no agency ${agencyId}.`, [
    { path: 'agencyId', code: 'unknown_agency', message: 'is not a known agency' },
  ]);
}

/** Roles without repeats, in the canonical order of ROLES. */
function normaliseRoles(roles: readonly Role[]): Role[] {
  return ROLES.filter((r) => roles.includes(r));
}

// Agencies

export async function createAgency(
  db: Db,
  principal: Principal,
  input: { name: string; orgType: string; country: string },
): Promise<AgencyRow> {
  return refuseDuplicates(() =>
    db.transaction().execute(async (tx) => {
      const agency = await insertAgency(tx, input);
      await appendAudit(tx, {
        actor: actorOf(principal),
        action: 'agency.create',
        recordType: 'agency',
        recordId: agency.id,
        change: input,
      });
      return agency;
    }),
  );
}

export async function changeAgency(
  db: Db,
  principal: Principal,
  id: string,
  patch: UpdateAgencyInput,
): Promise<AgencyRow> {
  return refuseDuplicates(() =>
    db.transaction().execute(async (tx) => {
      const agency = await updateAgency(tx, id, {
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.orgType === undefined ? {} : { org_type: patch.orgType }),
        ...(patch.country === undefined ? {} : { country: patch.country }),
      });
      if (!agency) throw notFound('Agency');
      await appendAudit(tx, {
        actor: actorOf(principal),
        action: 'agency.update',
        recordType: 'agency',
        recordId: id,
        change: patch,
      });
      return agency;
    }),
  );
}

// Users

export async function createUser(db: Db, principal: Principal, input: CreateUserInput): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  const roles = normaliseRoles(input.roles);
  return refuseDuplicates(() =>
    db.transaction().execute(async (tx) => {
      await requireAgency(tx, input.agencyId);
      const user = await insertUser(tx, {
        agencyId: input.agencyId,
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        roles,
        mustChangePassword: true,
      });
      await appendAudit(tx, {
        actor: actorOf(principal),
        action: 'user.create',
        recordType: 'user',
        recordId: user.id,
        change: { username: input.username, displayName: input.displayName, agencyId: input.agencyId, roles },
      });
      return user;
    }),
  );
}

function refuseSelfLockout(principal: Principal, target: UserRow, patch: UpdateUserInput): void {
  if (target.id !== principal.userId) return;
  if (patch.disabled === true) {
    throw invalid('You cannot disable your own account. Ask another administrator.', [
      { path: 'disabled', code: 'own_account_disabled', message: 'cannot be set on your own account' },
    ]);
  }
  if (patch.roles && !patch.roles.includes('administrator')) {
    throw invalid('You cannot remove your own administrator role. Ask another administrator.', [
      {
        path: 'roles',
        code: 'own_administrator_role',
        message: 'must keep administrator on your own account',
      },
    ]);
  }
}

/** Changes a user. Disabling them or changing their roles ends their sessions (but not the caller's own). */
export async function changeUser(
  db: Db,
  principal: Principal,
  id: string,
  patch: UpdateUserInput,
): Promise<UserRow> {
  return db.transaction().execute(async (tx) => {
    const before = await lockUser(tx, id);
    if (!before) throw notFound('User');
    refuseSelfLockout(principal, before, patch);
    if (patch.agencyId !== undefined) await requireAgency(tx, patch.agencyId);
    const roles = patch.roles && normaliseRoles(patch.roles);
    const user = await updateUser(tx, id, {
      ...(patch.displayName === undefined ? {} : { display_name: patch.displayName }),
      ...(patch.agencyId === undefined ? {} : { agency_id: patch.agencyId }),
      ...(roles === undefined ? {} : { roles }),
      ...(patch.disabled === undefined ? {} : { disabled: patch.disabled }),
    });
    if (!user) throw notFound('User');
    const rolesChanged =
      roles !== undefined && roles.join() !== normaliseRoles(before.roles.filter(isRole)).join();
    if (rolesChanged || patch.disabled === true) await deleteSessionsOf(tx, id, principal.sessionIdHash);
    await appendAudit(tx, {
      actor: actorOf(principal),
      action: 'user.update',
      recordType: 'user',
      recordId: id,
      change: {
        ...patch,
        ...(roles === undefined ? {} : { roles }),
        sessionsEnded: rolesChanged || patch.disabled === true,
      },
    });
    return user;
  });
}

/** A new one-time password; the user must change it at next login. Ends their sessions (not the caller's) and unlocks. */
export async function resetPassword(db: Db, principal: Principal, id: string): Promise<string> {
  if (!(await findUserById(db, id))) throw notFound('User');
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.transaction().execute(async (tx) => {
    const user = await updateUser(tx, id, {
      password_hash: passwordHash,
      must_change_password: true,
      failed_logins: 0,
      locked_until: null,
    });
    if (!user) throw notFound('User');
    await deleteSessionsOf(tx, id, principal.sessionIdHash);
    await appendAudit(tx, {
      actor: actorOf(principal),
      action: 'user.password_reset',
      recordType: 'user',
      recordId: id,
      change: { mustChangePassword: true, sessionsEnded: true },
    });
  });
  return temporaryPassword;
}

export async function unlockUser(db: Db, principal: Principal, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const user = await updateUser(tx, id, { failed_logins: 0, locked_until: null });
    if (!user) throw notFound('User');
    await appendAudit(tx, {
      actor: actorOf(principal),
      action: 'user.unlock',
      recordType: 'user',
      recordId: id,
      change: null,
    });
  });
}

// API tokens

export function listVisibleTokens(db: Db, principal: Principal): Promise<TokenRow[]> {
  return isAdministrator(principal) ? listTokens(db) : listTokens(db, principal.userId);
}

/**
 * Creates a token for the caller (or, for an administrator, any user). The secret is returned once;
 * only its SHA-256 is stored. A token-authenticated caller cannot mint scopes it does not hold.
 */
export async function createToken(
  db: Db,
  principal: Principal,
  input: CreateTokenInput,
): Promise<{ token: TokenRow; secret: string }> {
  const ownerId = input.userId ?? principal.userId;
  if (ownerId !== principal.userId && !isAdministrator(principal)) {
    throw new HttpError(403, 'forbidden', 'Only administrators may create a token for another user.');
  }
  const held = principal.scopes;
  const beyond = held ? input.scopes.filter((s) => !scopesCover(held, s)) : [];
  if (beyond.length > 0) {
    throw new HttpError(
      403,
      'forbidden',
      `A token cannot create a token with scopes it does not hold: ${beyond.join(', ')}.`,
    );
  }
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  const scopes = [...new Set(input.scopes)];
  const expiresAt = input.expiresAt === undefined ? null : new Date(input.expiresAt);
  const token = await db.transaction().execute(async (tx) => {
    const owner = await findUserById(tx, ownerId);
    if (!owner || owner.disabled) {
      throw invalid(`userId: there is no active user ${ownerId}.`, [
        { path: 'userId', code: 'inactive_user', message: 'is not an active user' },
      ]);
    }
    const row = await insertToken(tx, {
      userId: ownerId,
      name: input.name,
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, 12),
      scopes,
      expiresAt,
    });
    await appendAudit(tx, {
      actor: actorOf(principal),
      action: 'token.create',
      recordType: 'api_token',
      recordId: row.id,
      change: { userId: ownerId, name: input.name, prefix: row.prefix, scopes, expiresAt },
    });
    return row;
  });
  return { token, secret };
}

/** Revokes a token the caller owns (administrators: any). Others' tokens are answered as not found. */
export async function revokeVisibleToken(db: Db, principal: Principal, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const token = await findToken(tx, id);
    if (!token || (token.user_id !== principal.userId && !isAdministrator(principal)))
      throw notFound('API token');
    if (!(await revokeToken(tx, id))) return; // already revoked
    await appendAudit(tx, {
      actor: actorOf(principal),
      action: 'token.revoke',
      recordType: 'api_token',
      recordId: id,
      change: { userId: token.user_id, prefix: token.prefix },
    });
  });
}
