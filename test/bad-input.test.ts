import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponses, errorSchema, jsonBody, jsonResponse, text } from '../src/platform/http/fields.ts';
import { createTestApp, type TestApp, type TestClient } from './helpers/app.ts';

// Refused input across the API: a clear 4xx, never a 500, and the database exactly as before.

const TINY_LIMIT = 64;
const tinyRoute = createRoute({
  method: 'post',
  path: '/api/test/tiny',
  request: jsonBody(z.strictObject({ note: text(1000) })),
  responses: { 200: jsonResponse(z.object({ length: z.number() }), 'Echoes the length'), ...errorResponses },
});

let t: TestApp;
let admin: TestClient;
let agencyId: string;

beforeAll(async () => {
  t = await createTestApp();
  // Routes must be added before the first request builds Hono's matcher.
  t.router.openapi(
    tinyRoute,
    { action: 'test.tiny', authenticated: true },
    (c) => c.json({ length: c.req.valid('json').note.length }, 200),
    { bodyLimit: TINY_LIMIT },
  );
  admin = await t.loginAdmin();
  agencyId = (await t.deps.db.selectFrom('agencies').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t?.close());

async function counts() {
  const count = async (table: 'users' | 'agencies' | 'audit_entries' | 'api_tokens') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    users: await count('users'),
    agencies: await count('agencies'),
    audit: await count('audit_entries'),
    tokens: await count('api_tokens'),
  };
}

/** Sends raw bytes or text as the administrator, with the content type given. */
async function send(method: string, path: string, body: string | Uint8Array, contentType?: string) {
  return await t.app.request(path, {
    method,
    body,
    headers: {
      cookie: admin.cookie,
      'x-csrf-token': admin.csrfToken,
      ...(contentType === undefined ? {} : { 'content-type': contentType }),
    },
  });
}

/** Asserts the status (or one of them) and error code, that nothing changed, and returns the error. */
async function refused(request: () => Promise<Response>, status: number | number[], code?: string) {
  const before = await counts();
  const res = await request();
  const raw: unknown = await res.json();
  expect([status].flat(), JSON.stringify(raw)).toContain(res.status);
  const { error } = errorSchema.parse(raw);
  if (code) expect(error.code).toBe(code);
  expect(await counts()).toEqual(before);
  return { ...error, paths: (error.fields ?? []).map((f) => f.path) };
}

const agencyBody = { name: 'Valid agency', orgType: 'NGO', country: 'TH' };
const userBody = () => ({
  username: `bad.input.${randomUUID().slice(0, 8)}`,
  displayName: 'Someone',
  agencyId,
  roles: ['analyst'],
  password: 'a long enough password',
});

describe('body size', () => {
  it('answers 413 above the node limit (JARING_BODY_LIMIT, 1 MB by default)', async () => {
    expect(t.config.bodyLimit).toBe(1024 * 1024);
    const filler = 'x'.repeat(t.config.bodyLimit);
    const big = JSON.stringify({ ...agencyBody, name: filler });
    const error = await refused(
      () => send('POST', '/api/agencies', big, 'application/json'),
      413,
      'body_too_large',
    );
    expect(error.message).toMatch(String(t.config.bodyLimit));
    const bigUser = JSON.stringify({ ...userBody(), displayName: filler });
    await refused(() => send('POST', '/api/users', bigUser, 'application/json'), 413, 'body_too_large');
  });

  it('lets a route set its own limit', async () => {
    const ok = await admin.request('POST', '/api/test/tiny', { note: 'short' });
    expect(ok.status).toBe(200);
    const error = await refused(
      () => admin.request('POST', '/api/test/tiny', { note: 'y'.repeat(TINY_LIMIT) }),
      413,
    );
    expect(error.message).toMatch(`${TINY_LIMIT} bytes`);
  });

  it('answers a body just under the limit on its merits (400 here), not 413', async () => {
    const body = JSON.stringify({ ...agencyBody, name: 'x'.repeat(t.config.bodyLimit - 100) });
    const error = await refused(
      () => send('POST', '/api/agencies', body, 'application/json'),
      400,
      'validation_failed',
    );
    expect(error.paths).toEqual(['name']);
  });
});

describe('malformed bodies', () => {
  it('refuses a wrong or missing content type', async () => {
    const json = JSON.stringify(agencyBody);
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      undefined,
    ]) {
      await refused(() => send('POST', '/api/agencies', json, type), [415, 400]);
    }
  });

  it('refuses malformed JSON with 400', async () => {
    for (const body of ['{"name": ', '{name: "x"}', "{'name': 'x'}", '', '{"a":1}}', '\u0000', '[1,]']) {
      await refused(() => send('POST', '/api/agencies', body, 'application/json'), 400);
    }
  });

  it('refuses JSON that is not an object with 400', async () => {
    for (const body of ['[]', 'null', '"agency"', '42', 'true']) {
      await refused(() => send('POST', '/api/agencies', body, 'application/json'), 400, 'validation_failed');
    }
  });

  it('survives deeply nested JSON', async () => {
    const depth = 100_000;
    const body = `{"name":${'['.repeat(depth)}${']'.repeat(depth)},"orgType":"NGO","country":"TH"}`;
    await refused(() => send('POST', '/api/agencies', body, 'application/json'), 400);
  });
});

describe('fields', () => {
  it('names a field of the wrong type', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['/api/agencies', { ...agencyBody, name: 123 }, 'name'],
      ['/api/agencies', { ...agencyBody, country: ['TH'] }, 'country'],
      ['/api/users', { ...userBody(), roles: 'analyst' }, 'roles'],
      ['/api/users', { ...userBody(), agencyId: 7 }, 'agencyId'],
      ['/api/users', { ...userBody(), password: null }, 'password'],
      ['/api/tokens', { name: 'x', scopes: 'audit.read' }, 'scopes'],
      ['/api/tokens', { name: 'x', scopes: ['audit.read'], expiresAt: 1_900_000_000 }, 'expiresAt'],
    ];
    for (const [path, body, field] of cases) {
      const error = await refused(() => admin.request('POST', path, body), 400, 'validation_failed');
      expect(error.paths, `${path} ${JSON.stringify(body)}`).toContain(field);
    }
    const user = await refused(
      () => admin.request('PATCH', `/api/users/${admin.userId}`, { disabled: 'no' }),
      400,
    );
    expect(user.paths).toEqual(['disabled']);
  });

  it('names each missing field', async () => {
    const agency = await refused(() => admin.request('POST', '/api/agencies', {}), 400, 'validation_failed');
    expect(agency.paths.sort()).toEqual(['country', 'name', 'orgType']);
    const user = await refused(() => admin.request('POST', '/api/users', { username: 'someone' }), 400);
    expect(user.paths.sort()).toEqual(['agencyId', 'displayName', 'password', 'roles']);
  });

  it('refuses unknown fields, naming them', async () => {
    const cases: [method: string, path: string, body: string, unknown: string][] = [
      ['POST', '/api/agencies', JSON.stringify({ ...agencyBody, id: randomUUID() }), 'id'],
      [
        'POST',
        '/api/users',
        JSON.stringify({ ...userBody(), mustChangePassword: false }),
        'mustChangePassword',
      ],
      [
        'POST',
        '/api/users',
        `{"__proto__":{"roles":["administrator"]},${JSON.stringify(userBody()).slice(1)}`,
        '__proto__',
      ],
      ['PATCH', `/api/users/${admin.userId}`, JSON.stringify({ passwordHash: 'x' }), 'passwordHash'],
      [
        'POST',
        '/api/tokens',
        JSON.stringify({ name: 'x', scopes: ['audit.read'], secret: 'jrt_mine' }),
        'secret',
      ],
    ];
    for (const [method, path, body, unknown] of cases) {
      const error = await refused(
        () => send(method, path, body, 'application/json'),
        400,
        'validation_failed',
      );
      expect(error.message, body).toContain(unknown);
    }
  });

  it('refuses a malformed id in the path with 400 naming it', async () => {
    for (const id of ['not-a-uuid', '1', "1' or '1'='1", '%00']) {
      const error = await refused(
        () => admin.request('PATCH', `/api/users/${id}`, { displayName: 'x' }),
        400,
      );
      expect(error.paths).toEqual(['id']);
    }
  });
});

describe('text encodings', () => {
  it('stores Zawgyi-encoded Burmese literally (it is valid UTF-8; conversion is screening’s job)', async () => {
    // "မင်္ဂလာပါ" as typed on a Zawgyi keyboard: the same code points in a different order.
    const zawgyi = 'မဂၤလာပါ';
    const res = await admin.request('POST', '/api/agencies', { ...agencyBody, name: zawgyi });
    expect(res.status).toBe(201);
    const row = await t.deps.db
      .selectFrom('agencies')
      .select('name')
      .where('name', '=', zawgyi)
      .executeTakeFirst();
    expect(row?.name).toBe(zawgyi);
  });

  it('answers broken UTF-8 with 400, or stores exactly what it answers; never 500', async () => {
    const broken = [
      [0xc3, 0x28],
      [0xff, 0xfe],
      [0xed, 0xa0, 0x80], // an encoded surrogate (CESU-8)
      [0xe1, 0x80], // a Myanmar letter cut short
      [0xc0, 0xaf], // an overlong "/"
    ];
    for (const [i, bytes] of broken.entries()) {
      const head = Buffer.from(`{"name":"broken ${i} `, 'utf8');
      const tail = Buffer.from('","orgType":"NGO","country":"TH"}', 'utf8');
      const before = await counts();
      const res = await send(
        'POST',
        '/api/agencies',
        Buffer.concat([head, Buffer.from(bytes), tail]),
        'application/json',
      );
      expect([201, 400], `bytes ${bytes}`).toContain(res.status);
      if (res.status === 400) {
        expect(await counts()).toEqual(before);
        continue;
      }
      const { agency } = z
        .object({ agency: z.object({ id: z.string(), name: z.string() }) })
        .parse(await res.json());
      const row = await t.deps.db
        .selectFrom('agencies')
        .select('name')
        .where('id', '=', agency.id)
        .executeTakeFirstOrThrow();
      expect(row.name).toBe(agency.name);
      expect(row.name.isWellFormed()).toBe(true);
    }
  });
});
