import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { createdToken } from '../accounts/schema.ts';
import { type ChangeFeed, startChangeFeed } from '../db/changes.ts';
import { hashSecret } from './secrets.ts';
import { findTokenRow } from './token-cache.ts';

// With the change feed live (as under `jaring serve`), API token principals are cached; every change
// that could end or narrow a token's access must still take effect, whoever makes it.

let t: TestApp;
let admin: TestClient;
let analyst: TestClient;
let feed: ChangeFeed;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAdmin();
  analyst = await t.loginAs(['analyst']);
  feed = await startChangeFeed(t.database.url, t.deps.logger);
  t.deps.changes = feed;
});
afterAll(async () => {
  await feed?.stop();
  await t?.close();
});

/** Resolves on the next notification about one of these tables (or the feed going down). */
function nextDrop(tables: string[]): Promise<void> {
  let fired = false;
  return new Promise((resolve) =>
    feed.watch(tables, () => {
      if (fired) return;
      fired = true;
      resolve();
    }),
  );
}

async function mint(client: TestClient, body: Record<string, unknown> = {}) {
  const res = await client.request('POST', '/api/tokens', {
    name: 'script',
    scopes: ['accounts.tokens.list'],
    ...body,
  });
  expect(res.status).toBe(201);
  return createdToken.parse(await res.json());
}

const withToken = (secret: string) =>
  t.request('GET', '/api/tokens', { headers: { authorization: `Bearer ${secret}` } });

describe('API token principals with the change feed live', () => {
  it('answers a token seen before from memory', async () => {
    expect(feed.live).toBe(true);
    const e = await mint(analyst);
    let lookups = 0;
    const db = t.deps.db;
    const counting = new Proxy(db, {
      get(target, prop) {
        if (prop === 'selectFrom') lookups += 1;
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const hash = hashSecret(e.secret);
    const first = await findTokenRow(counting, feed, hash);
    expect(first?.tokenId).toBe(e.token.id);
    expect(await findTokenRow(counting, feed, hash)).toEqual(first);
    expect(lookups).toBe(1);
  });

  it('refuses a token revoked through the API, and one revoked by hand in the database', async () => {
    const a = await mint(analyst);
    expect((await withToken(a.secret)).status).toBe(200);
    expect((await withToken(a.secret)).status).toBe(200); // now cached
    const dropped = nextDrop(['api_tokens']);
    expect((await analyst.request('DELETE', `/api/tokens/${a.token.id}`)).status).toBe(204);
    await dropped;
    expect((await withToken(a.secret)).status).toBe(401);

    const b = await mint(analyst);
    expect((await withToken(b.secret)).status).toBe(200);
    const byHand = nextDrop(['api_tokens']);
    await t.deps.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', b.token.id)
      .execute();
    await byHand;
    expect((await withToken(b.secret)).status).toBe(401);
  });

  it('refuses the token of a user disabled meanwhile, and one whose expiry is brought forward', async () => {
    const user = await t.loginAs(['researcher']);
    const held = await mint(user);
    expect((await withToken(held.secret)).status).toBe(200);
    const disabled = nextDrop(['users']);
    expect((await admin.request('PATCH', `/api/users/${user.userId}`, { disabled: true })).status).toBe(200);
    await disabled;
    expect((await withToken(held.secret)).status).toBe(401);

    const expiring = await mint(analyst, { expiresAt: new Date(Date.now() + 60_000).toISOString() });
    expect((await withToken(expiring.secret)).status).toBe(200);
    const expired = nextDrop(['api_tokens']);
    await t.deps.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', expiring.token.id)
      .execute();
    await expired;
    expect((await withToken(expiring.secret)).status).toBe(401);
  });

  it('serves nothing from the cache while the feed is down, and comes back', async () => {
    const c = await mint(analyst);
    expect((await withToken(c.secret)).status).toBe(200); // cached
    const down = nextDrop([]);
    // The listening connection dies: a notification could now be missed.
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where query = 'listen jaring_changes' and pid <> pg_backend_pid()`.execute(t.deps.db);
    await down;
    expect(feed.live).toBe(false);
    // Revoked while nobody listens: the request must still see it.
    await t.deps.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', c.token.id)
      .execute();
    expect((await withToken(c.secret)).status).toBe(401);
    await vi.waitFor(() => expect(feed.live).toBe(true), { timeout: 10_000, interval: 50 });
    expect((await withToken(c.secret)).status).toBe(401);
    const d = await mint(analyst);
    expect((await withToken(d.secret)).status).toBe(200);
  });
});
