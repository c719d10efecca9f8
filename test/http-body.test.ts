import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from './helpers/app.ts';

// Request bodies over real HTTP: under Node the body is read from the IncomingMessage itself
// (src/platform/http/body.ts), not through the Fetch Request that app.request() gives the other
// tests. The same refusals must hold, and nothing is written by a refused request.

let t: TestApp;
let admin: TestClient;
let server: ServerType;
let port = 0;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAdmin();
  server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t?.close();
});

const agencies = async () =>
  Number(
    (
      await t.deps.db
        .selectFrom('agencies')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

type Reply = {
  status: number;
  body: { error?: { code: string; message: string } } & Record<string, unknown>;
};

/** POST /api/agencies as the administrator; `chunked` sends no Content-Length. */
function post(body: Buffer, options: { chunked?: boolean } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/agencies',
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrfToken,
          'content-type': 'application/json',
          ...(options.chunked ? {} : { 'content-length': String(body.length) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
        );
      },
    );
    // A refused upload may be cut off by the server before it is all sent.
    req.on('error', reject);
    if (options.chunked) {
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
      req.end();
    } else req.end(body);
  });
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
const agency = (name: string) => ({ name, orgType: 'NGO', country: 'TH' });

describe('request bodies over real HTTP', () => {
  it('reads a JSON body, in one piece or chunked, including non-Latin text', async () => {
    const before = await agencies();
    const one = await post(json(agency('มูลนิธิ Mae Sot 🌏')));
    expect(one.status).toBe(201);
    const chunked = await post(json(agency(`ក${'x'.repeat(150)}`)), { chunked: true });
    expect(chunked.status, JSON.stringify(chunked.body)).toBe(201);
    expect(await agencies()).toBe(before + 2);
    const names = await t.deps.db.selectFrom('agencies').select('name').execute();
    expect(names.map((n) => n.name)).toContain('มูลนิธิ Mae Sot 🌏');
  });

  it('answers 413 above the limit, whether the length is declared or not, and writes nothing', async () => {
    const before = await agencies();
    const big = json(agency('x'.repeat(t.config.bodyLimit)));
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect(declared.body.error?.code).toBe('body_too_large');
    const streamed = await post(big, { chunked: true }).catch((err: NodeJS.ErrnoException) => err);
    // The server answers as soon as the cap is passed; the client may see the answer or a reset.
    if ('status' in streamed) {
      expect(streamed.status).toBe(413);
      expect(streamed.body.error?.code).toBe('body_too_large');
    } else expect(['ECONNRESET', 'EPIPE']).toContain(streamed.code);
    expect(await agencies()).toBe(before);
    // The server still serves.
    expect((await post(json(agency('After a refused upload')))).status).toBe(201);
  });

  it('refuses a body that is not UTF-8, or not JSON, with 400 and writes nothing', async () => {
    const before = await agencies();
    const latin1 = Buffer.concat([
      Buffer.from('{"name":"caf'),
      Buffer.from([0xe9]),
      Buffer.from('","orgType":"NGO","country":"TH"}'),
    ]);
    const notUtf8 = await post(latin1);
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.body.error).toMatchObject({
      code: 'malformed_body',
      message: expect.stringMatching(/UTF-8/),
    });
    const notJson = await post(Buffer.from('{"name": "unterminated', 'utf8'));
    expect(notJson.status).toBe(400);
    expect(notJson.body.error?.code).toBe('malformed_body');
    const lone = await post(Buffer.from([0x7b, 0xed, 0xa0, 0x80, 0x7d])); // an encoded lone surrogate
    expect(lone.status).toBe(400);
    expect(await agencies()).toBe(before);
  });
});
