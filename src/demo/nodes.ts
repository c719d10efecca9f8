import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { loadConfig } from '../platform/config.ts';
import { freePort } from '../platform/db/embedded.ts';
import { type ServingNode, startServing } from '../platform/node/serving.ts';
import { logIn, type Session } from './http.ts';

// Three national nodes on loopback, one embedded PostgreSQL with a database per node, each node
// with its own master key, keys and users, exactly as separate installations would have.

export type DemoCountry = { code: string; name: string; agency: string };

export const DEMO_COUNTRIES: readonly DemoCountry[] = [
  { code: 'TH', name: 'Thailand', agency: 'Anti-Trafficking in Persons Division (demo)' },
  { code: 'KH', name: 'Cambodia', agency: 'Department of Social Affairs referral desk (demo)' },
  { code: 'ID', name: 'Indonesia', agency: 'Victim protection unit (demo)' },
];

export const DEMO_PASSWORD = 'jaring demo password';

export type DemoUser = { username: string; password: string; roles: string[] };
export type DemoNode = {
  country: DemoCountry;
  base: string;
  serving: ServingNode;
  admin: Session;
  users: { caseworker: DemoUser; focal: DemoUser };
};

async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  return adminUrl.replace(/\/[^/]*$/, `/${name}`);
}

async function ensureUser(
  admin: Session,
  agencyId: string,
  user: DemoUser,
  displayName: string,
): Promise<void> {
  const { users } = await admin.call<{ users: { username: string }[] }>('GET', '/api/users');
  if (users.some((u) => u.username === user.username)) return;
  await admin.call(
    'POST',
    '/api/users',
    { username: user.username, displayName, agencyId, roles: user.roles, password: user.password },
    201,
  );
}

export async function startDemoNode(
  country: DemoCountry,
  serverUrl: string,
  dataDir: string,
  logger: Logger,
  port?: number,
): Promise<DemoNode> {
  const url = await ensureDatabase(serverUrl, `jaring_demo_${country.code.toLowerCase()}`);
  const nodeDir = join(dataDir, country.code.toLowerCase());
  mkdirSync(nodeDir, { recursive: true });
  const listenOn = port ?? (await freePort());
  const base = `http://127.0.0.1:${listenOn}`;
  const config = loadConfig({
    PORT: String(listenOn),
    HOST: '127.0.0.1',
    JARING_PUBLIC_URL: base,
    JARING_DATA_DIR: nodeDir,
    JARING_ADMIN_PASSWORD: DEMO_PASSWORD,
    JARING_NODE_NAME: `Jaring ${country.name} (demo)`,
    JARING_NODE_COUNTRY: country.code,
    JARING_LOG_LEVEL: 'warn',
    JARING_FEDERATION_RETRY_BASE_MS: '200',
    JARING_FEDERATION_RETRY_MAX_MS: '5000',
  });
  const serving = await startServing(config, url, logger.child({ node: country.code }));
  const admin = await logIn(base, 'admin', DEMO_PASSWORD);
  const { agencies } = await admin.call<{ agencies: { id: string; name: string }[] }>('GET', '/api/agencies');
  const agency =
    agencies.find((a) => a.name === country.agency) ??
    (
      await admin.call<{ agency: { id: string; name: string } }>(
        'POST',
        '/api/agencies',
        { name: country.agency, orgType: 'CentralGovernmentOrganisation', country: country.code },
        201,
      )
    ).agency;
  const code = country.code.toLowerCase();
  const users = {
    caseworker: { username: `${code}_caseworker`, password: DEMO_PASSWORD, roles: ['caseworker'] },
    focal: {
      username: `${code}_focal`,
      password: DEMO_PASSWORD,
      roles: ['referral_focal_point', 'caseworker'],
    },
  };
  await ensureUser(admin, agency.id, users.caseworker, `${country.name} caseworker`);
  await ensureUser(admin, agency.id, users.focal, `${country.name} referral focal point`);
  return { country, base, serving, admin, users };
}

/** `a` invites `b`; `b` accepts. Skipped when they are peers already (a re-run on the same data). */
export async function peerDemoNodes(a: DemoNode, b: DemoNode): Promise<'peered' | 'already'> {
  const { peers } = await a.admin.call<{ peers: { id: string }[] }>('GET', '/api/federation/peers');
  const bId = (await b.admin.call<{ node: { nodeId: string } }>('GET', '/api/federation/node')).node.nodeId;
  if (peers.some((p) => p.id === bId)) return 'already';
  const { invitation } = await a.admin.call<{ invitation: string }>(
    'POST',
    '/api/federation/invitations',
    { note: `demo: ${b.country.name}` },
    201,
  );
  await b.admin.call('POST', '/api/federation/peers', { invitation }, 201);
  return 'peered';
}
