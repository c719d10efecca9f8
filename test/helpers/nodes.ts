import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import type { Role } from '../../src/platform/auth/roles.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { freePort } from '../../src/platform/db/embedded.ts';
import type { AppDeps } from '../../src/platform/http/context.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { type ServingNode, startServing } from '../../src/platform/node/serving.ts';
import { ADMIN_PASSWORD } from './app.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { tempDir } from './temp.ts';

// Several real nodes in this process, each with its own database and its own HTTP server on a
// loopback port, delivering their outboxes to each other over real signed HTTP.

const USER_PASSWORD = 'a long enough test password';

export type HttpClient = {
  userId: string;
  request(method: string, path: string, body?: unknown): Promise<Response>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read responses as loose JSON, as Response.json does
  json<T = any>(method: string, path: string, body?: unknown, expected?: number): Promise<T>;
};

export type TestNode = {
  country: string;
  base: string;
  deps: AppDeps;
  serving: ServingNode;
  database: TestDatabase;
  admin(): Promise<HttpClient>;
  loginAs(roles: readonly Role[]): Promise<HttpClient>;
  stop(): Promise<void>;
};

async function login(base: string, username: string, password: string): Promise<HttpClient> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200)
    throw new Error(`login as ${username} at ${base} failed: ${res.status} ${await res.text()}`);
  const { csrfToken, user } = (await res.json()) as { csrfToken: string; user: { id: string } };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const request = (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    userId: user.id,
    request,
    json: async (method, path, body, expected) => {
      const res = await request(method, path, body);
      const text = await res.text();
      if (expected !== undefined && res.status !== expected) {
        throw new Error(`${method} ${path} at ${base}: expected ${expected}, got ${res.status} ${text}`);
      }
      return text ? JSON.parse(text) : null;
    },
  };
}

export async function startTestNode(country: string, env: Record<string, string> = {}): Promise<TestNode> {
  const database = await createTestDatabase();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    JARING_PUBLIC_URL: base,
    JARING_DATA_DIR: tempDir(`node-${country}`),
    JARING_MASTER_KEY: randomBytes(32).toString('base64'),
    JARING_ADMIN_PASSWORD: ADMIN_PASSWORD,
    JARING_LOG_LEVEL: process.env.JARING_TEST_LOG ?? 'silent',
    JARING_NODE_NAME: `Jaring ${country}`,
    JARING_NODE_COUNTRY: country,
    JARING_FEDERATION_RETRY_BASE_MS: '50',
    JARING_FEDERATION_RETRY_MAX_MS: '400',
    ...env,
  });
  const serving = await startServing(config, database.url, createLogger(config));
  const { deps } = serving.node;
  let counter = 0;
  return {
    country,
    base,
    deps,
    serving,
    database,
    admin: () => login(base, config.adminUsername, ADMIN_PASSWORD),
    loginAs: async (roles) => {
      counter += 1;
      const username = `${country.toLowerCase()}_user${counter}_${randomBytes(3).toString('hex')}`;
      const agency = await deps.db.selectFrom('agencies').select('id').executeTakeFirstOrThrow();
      await deps.db
        .insertInto('users')
        .values({
          agency_id: agency.id,
          username,
          display_name: `${country} ${roles.join('+')} ${counter}`,
          password_hash: await hashPassword(USER_PASSWORD),
          roles: [...roles],
        })
        .execute();
      return login(base, username, USER_PASSWORD);
    },
    stop: async () => {
      await serving.stop();
      await database.close();
    },
  };
}

/** `a` invites, `b` accepts: afterwards each is an active peer of the other. */
export async function peerNodes(a: TestNode, b: TestNode): Promise<void> {
  const adminA = await a.admin();
  const adminB = await b.admin();
  const { invitation } = await adminA.json('POST', '/api/federation/invitations', {}, 201);
  await adminB.json('POST', '/api/federation/peers', { invitation }, 201);
}

/** Polls until a check gives a value, or fails after a timeout saying what it waited for. */
export { observe as waitFor } from '../../src/demo/http.ts';
