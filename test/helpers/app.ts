import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { isRole, type Role } from '../../src/platform/auth/roles.ts';
import { type Config, loadConfig } from '../../src/platform/config.ts';
import { createApp } from '../../src/platform/http/app.ts';
import type { Principal } from '../../src/platform/http/policy.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { bootNode } from '../../src/platform/node/boot.ts';
import { createTestDatabase } from './db.ts';
import { tempDir } from './temp.ts';

export const ADMIN_PASSWORD = 'correct horse battery staple';
const USER_PASSWORD = 'a long enough test password';

export type TestClient = {
  userId: string;
  csrfToken: string;
  cookie: string;
  /** A request as this user: cookie, CSRF header on writes, JSON body. */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
};

export async function createTestApp(env: Record<string, string> = {}, logger?: Logger) {
  const database = await createTestDatabase();
  const config: Config = loadConfig({
    JARING_DATA_DIR: tempDir('app'),
    JARING_MASTER_KEY: randomBytes(32).toString('base64'),
    JARING_ADMIN_PASSWORD: ADMIN_PASSWORD,
    JARING_LOG_LEVEL: 'silent',
    JARING_NODE_NAME: 'Test node',
    JARING_NODE_COUNTRY: 'TH',
    ...env,
  });
  const booted = await bootNode(config, database.url, logger ?? createLogger(config));
  const { app, router } = createApp(booted.deps);
  const { deps } = booted;

  const request = async (
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string> } = {},
  ) =>
    await app.request(path, {
      method,
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body:
        init.body === undefined
          ? undefined
          : typeof init.body === 'string'
            ? init.body
            : JSON.stringify(init.body),
    });

  async function login(username: string, password: string): Promise<TestClient> {
    const res = await request('POST', '/api/auth/login', { body: { username, password } });
    if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
    const { csrfToken, user } = await res.json();
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return {
      userId: user.id,
      csrfToken,
      cookie,
      request: (method, path, body, headers = {}) =>
        request(method, path, { body, headers: { cookie, 'x-csrf-token': csrfToken, ...headers } }),
    };
  }

  let counter = 0;
  /** Creates a user with exactly these roles (in the admin's agency) and logs in as them. */
  async function loginAs(roles: readonly Role[]): Promise<TestClient> {
    counter += 1;
    const username = `user${counter}_${randomBytes(3).toString('hex')}`;
    const agency = await deps.db.selectFrom('agencies').select('id').executeTakeFirstOrThrow();
    await deps.db
      .insertInto('users')
      .values({
        agency_id: agency.id,
        username,
        display_name: username,
        password_hash: await hashPassword(USER_PASSWORD),
        roles: [...roles],
      })
      .execute();
    return login(username, USER_PASSWORD);
  }

  /** The principal a service function sees for this client's session (for calling services directly). */
  async function principalOf(client: TestClient): Promise<Principal> {
    const user = await deps.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', client.userId)
      .executeTakeFirstOrThrow();
    return {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      agencyId: user.agency_id,
      roles: user.roles.filter(isRole),
      via: 'session',
    };
  }

  return {
    app,
    router,
    deps,
    database,
    config,
    request,
    login,
    loginAs,
    principalOf,
    loginAdmin: () => login(config.adminUsername, ADMIN_PASSWORD),
    close: async () => {
      await booted.close();
      await database.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
