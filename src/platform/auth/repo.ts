import { sql } from 'kysely';
import type { Exec } from '../db/database.ts';

// SQL for sessions, API tokens and login throttling (tables in migrations/0001_platform.sql).

const principalColumns = [
  'users.id as userId',
  'users.username',
  'users.display_name as displayName',
  'users.agency_id as agencyId',
  'users.roles',
] as const;

export async function insertSession(
  db: Exec,
  s: { idHash: Buffer; userId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id_hash: s.idHash, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt })
    .execute();
}

export function findSessionPrincipal(db: Exec, idHash: Buffer) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([...principalColumns, 'sessions.csrf_token as csrfToken'])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .where('users.disabled', '=', false)
    .executeTakeFirst();
}

export async function deleteSession(db: Exec, idHash: Buffer): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends a user's sessions, except the one whose id hash is `keep` (the caller's own, when changing themselves). */
export async function deleteSessionsOf(db: Exec, userId: string, keep?: Buffer): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .$if(keep !== undefined, (q) => q.where('id_hash', '!=', keep ?? Buffer.alloc(0)))
    .execute();
}

export async function deleteExpiredSessions(db: Exec): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', sql<Date>`now()`).execute();
}

export function findTokenPrincipal(db: Exec, tokenHash: Buffer) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      ...principalColumns,
      'api_tokens.id as tokenId',
      'api_tokens.scopes',
      'api_tokens.expires_at as expiresAt',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) =>
      eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', sql<Date>`now()`)]),
    )
    .where('users.disabled', '=', false)
    .executeTakeFirst();
}

export async function touchToken(db: Exec, tokenId: string): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: sql<Date>`now()` })
    .where('id', '=', tokenId)
    .execute();
}

/** Counts one attempt for key in a fixed window; returns the count within the current window. */
export async function countAttempt(db: Exec, key: string, windowSeconds: number): Promise<number> {
  const row = await sql<{ attempts: number }>`
    insert into login_throttle (key, window_start, attempts) values (${key}, now(), 1)
    on conflict (key) do update set
      attempts = case when login_throttle.window_start < now() - make_interval(secs => ${windowSeconds})
                      then 1 else login_throttle.attempts + 1 end,
      window_start = case when login_throttle.window_start < now() - make_interval(secs => ${windowSeconds})
                      then now() else login_throttle.window_start end
    returning attempts`.execute(db);
  return row.rows[0]?.attempts ?? 1;
}
