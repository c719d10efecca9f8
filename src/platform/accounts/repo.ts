import { sql, type Updateable } from 'kysely';
import pg from 'pg';
import type { Exec } from '../db/database.ts';
import type { AgenciesTable, UsersTable } from '../db/tables.ts';

// All SQL on agencies, users and API tokens.

export function findUserByUsername(db: Exec, username: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Exec, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Exec) {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

export function insertUser(
  db: Exec,
  u: {
    agencyId: string;
    username: string;
    displayName: string;
    passwordHash: string;
    roles: string[];
    mustChangePassword: boolean;
  },
) {
  return db
    .insertInto('users')
    .values({
      agency_id: u.agencyId,
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      roles: u.roles,
      must_change_password: u.mustChangePassword,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateUser(db: Exec, id: string, set: Updateable<UsersTable>) {
  return db
    .updateTable('users')
    .set({ ...set, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function listAgencies(db: Exec) {
  return db.selectFrom('agencies').selectAll().orderBy('name').execute();
}

/**
 * The agencies where someone can act on an incoming referral: an enabled caseworker or referral
 * focal point (a node's administration agency with only its administrator is not one).
 */
export function listAgenciesTakingReferrals(db: Exec) {
  return db
    .selectFrom('agencies')
    .select(['agencies.id', 'agencies.name'])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('users')
          .select('users.id')
          .whereRef('users.agency_id', '=', 'agencies.id')
          .where('users.disabled', '=', false)
          .where(sql<boolean>`users.roles && array['caseworker', 'referral_focal_point']::text[]`),
      ),
    )
    .orderBy('agencies.name')
    .execute();
}

export function findAgency(db: Exec, id: string) {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

export type AgencyRow = NonNullable<Awaited<ReturnType<typeof findAgency>>>;

export function insertAgency(db: Exec, a: { name: string; orgType: string; country: string }) {
  return db
    .insertInto('agencies')
    .values({ name: a.name, org_type: a.orgType, country: a.country })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateAgency(db: Exec, id: string, set: Updateable<AgenciesTable>) {
  return db
    .updateTable('agencies')
    .set({ ...set, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function listTokens(db: Exec, userId?: string) {
  let q = db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc');
  if (userId) q = q.where('user_id', '=', userId);
  return q.execute();
}

export function findToken(db: Exec, id: string) {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export type TokenRow = NonNullable<Awaited<ReturnType<typeof findToken>>>;

export function insertToken(
  db: Exec,
  t: {
    userId: string;
    name: string;
    tokenHash: Buffer;
    prefix: string;
    scopes: string[];
    expiresAt: Date | null;
  },
) {
  return db
    .insertInto('api_tokens')
    .values({
      user_id: t.userId,
      name: t.name,
      token_hash: t.tokenHash,
      prefix: t.prefix,
      scopes: t.scopes,
      expires_at: t.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function revokeToken(db: Exec, id: string) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Which unique rule a failed insert or update broke, if it was a duplicate agency name or username. */
export function duplicateOf(err: unknown): 'agencyName' | 'username' | undefined {
  if (!(err instanceof pg.DatabaseError) || err.code !== '23505') return undefined;
  if (err.constraint === 'agencies_name_key') return 'agencyName';
  if (err.constraint === 'users_username') return 'username';
  return undefined;
}

export function lockUser(db: Exec, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
