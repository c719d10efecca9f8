import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../http/context.ts';
import type { Principal } from '../http/policy.ts';
import { findSessionPrincipal, touchToken } from './repo.ts';
import { isRole } from './roles.ts';
import { hashSecret } from './secrets.ts';
import { findTokenRow } from './token-cache.ts';

export const SESSION_COOKIE = 'jaring_session';
export const TOKEN_PREFIX = 'jrt_';

// Anything malformed simply yields no principal; the route's guard then answers 401.
const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

// "Last used" is kept to the minute: a write (and a WAL flush) on every API call would cost more
// than the call itself.
const TOUCH_EVERY_MS = 60_000;
const lastTouched = new Map<string, number>();

function shouldTouch(tokenId: string): boolean {
  const now = Date.now();
  if (now - (lastTouched.get(tokenId) ?? 0) < TOUCH_EVERY_MS) return false;
  if (lastTouched.size >= 10_000) lastTouched.clear();
  lastTouched.set(tokenId, now);
  return true;
}

async function fromToken(c: Context<AppEnv>, header: string): Promise<Principal | undefined> {
  const m = /^Bearer jrt_([A-Za-z0-9_-]{43})$/.exec(header.trim());
  if (!m?.[1]) return undefined;
  const { db, changes } = c.var.deps;
  const row = await findTokenRow(db, changes, hashSecret(`${TOKEN_PREFIX}${m[1]}`));
  if (!row) return undefined;
  if (shouldTouch(row.tokenId)) await touchToken(db, row.tokenId);
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    agencyId: row.agencyId,
    roles: row.roles.filter(isRole),
    via: 'token',
    scopes: row.scopes,
  };
}

async function fromSession(c: Context<AppEnv>, cookie: string): Promise<Principal | undefined> {
  if (!SECRET_SHAPE.test(cookie)) return undefined;
  const idHash = hashSecret(cookie);
  const row = await findSessionPrincipal(c.var.deps.db, idHash);
  if (!row) return undefined;
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    agencyId: row.agencyId,
    roles: row.roles.filter(isRole),
    via: 'session',
    sessionIdHash: idHash,
    csrfToken: row.csrfToken,
  };
}

export function resolvePrincipal(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const authorization = c.req.header('authorization');
    const cookie = getCookie(c, SESSION_COOKIE);
    let principal: Principal | undefined;
    if (authorization) principal = await fromToken(c, authorization);
    else if (cookie) principal = await fromSession(c, cookie);
    c.set('principal', principal);
    await next();
  };
}
