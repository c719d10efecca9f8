import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/platform/auth/roles.ts';
import type { RouteInfo } from '../src/platform/http/router.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';

// Every route, found from the app itself: a new route is covered without touching this file,
// and one registered outside the Router (so without a policy rule) fails it.

/** The routes anyone may call without logging in. A new public route must be acknowledged here. */
const PUBLIC_ROUTES = [
  'POST /api/auth/login',
  'GET /api/health',
  'GET /api/openapi.json',
  'GET /api/docs',
  'GET /api/docs/init.js',
  'GET /api/docs/assets/:file',
  'GET /*',
  // Signed node-to-node requests: each must carry an RFC 9421 signature by a known peer (or, for
  // peering, by the key in its card plus the invitation's secret); test/federation.test.ts,
  // test/referrals-federation.test.ts (the agency directory).
  'POST /api/federation/inbox',
  'POST /api/federation/peering',
  'POST /api/federation/directory',
];

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const keyOf = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

/** A concrete path for a route pattern: each parameter a random UUID, a wildcard a plain segment. */
function concrete(path: string): string {
  return path.replaceAll(/:\w+(\{[^}]*\})?/g, () => randomUUID()).replaceAll('*', 'probe');
}

const bodyFor = (method: string) => (WRITES.has(method) ? {} : undefined);

function guarded(): RouteInfo[] {
  return t.router.routes.filter((r) => !('public' in r.rule));
}

describe('policy', () => {
  it('registers every route of the app through the Router, with a rule', () => {
    // Hono lists each handler and middleware; app.use('*', …) appears as ALL /*.
    const inHono = new Set(t.app.routes.filter((r) => !(r.method === 'ALL' && r.path === '/*')).map(keyOf));
    const inRouter = new Set(t.router.routes.map(keyOf));
    expect([...inHono].filter((k) => !inRouter.has(k))).toEqual([]);
    expect([...inRouter].filter((k) => !inHono.has(k))).toEqual([]);
    expect(t.router.routes.length).toBe(inRouter.size);
    expect(inRouter.size).toBeGreaterThan(PUBLIC_ROUTES.length);
  });

  it('has exactly the acknowledged public routes', () => {
    const open = t.router.routes.filter((r) => 'public' in r.rule).map(keyOf);
    expect(open.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('answers 401 to every other route without credentials, or with a bogus token', async () => {
    const none: Record<string, string> = {};
    const bogusToken = { authorization: `Bearer jrt_${randomBytes(32).toString('base64url')}` };
    for (const route of guarded()) {
      const path = concrete(route.path);
      for (const headers of [none, bogusToken]) {
        const res = await t.request(route.method, path, { body: bodyFor(route.method), headers });
        expect(res.status, `${keyOf(route)} ${JSON.stringify(headers)}`).toBe(401);
        expect(await res.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
      }
    }
  });

  it('answers 403, with nothing but the error, to a user holding every role but the ones a route needs', async () => {
    // One login per distinct set of other roles: logins cost an argon2 hash.
    const byComplement = new Map<string, { roles: Role[]; routes: RouteInfo[] }>();
    for (const route of t.router.routes) {
      if (!('roles' in route.rule)) continue;
      const needed: readonly Role[] = route.rule.roles;
      const others = ROLES.filter((r) => !needed.includes(r));
      if (others.length === 0) continue;
      const group = byComplement.get(others.join()) ?? { roles: others, routes: [] };
      group.routes.push(route);
      byComplement.set(others.join(), group);
    }
    expect(byComplement.size).toBeGreaterThan(0);
    for (const { roles, routes } of byComplement.values()) {
      const client = await t.loginAs(roles);
      for (const route of routes) {
        const res = await client.request(route.method, concrete(route.path), bodyFor(route.method));
        expect(res.status, `${keyOf(route)} as ${roles.join(', ')}`).toBe(403);
        expect(await res.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
      }
    }
  });
});
