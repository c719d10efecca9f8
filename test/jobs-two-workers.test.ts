import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enqueue } from '../src/platform/jobs/enqueue.ts';
import { type JobSystem, startJobs } from '../src/platform/jobs/runner.ts';
import { createJobRunsTable, recordRunJob, waitFor } from './fixtures/jobs.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';

// Two worker processes polling one queue: pg-boss's FOR UPDATE SKIP LOCKED fetch must hand each
// job to exactly one of them.
const N = 300;
const WORKER = fileURLToPath(new URL('./fixtures/worker-process.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

let database: TestDatabase;
let jobs: JobSystem;
const children: ChildProcess[] = [];

function startWorker(name: string, url: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, WORKER_NAME: name },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker ${name} exited with ${code} before it was ready`)));
  });
}

/** SIGTERM, then SIGKILL if it has not exited within 10 s; resolves to the exit code (null if killed). */
async function stopChild(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const [code] = await exited;
  clearTimeout(timer);
  return typeof code === 'number' ? code : null;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await createJobRunsTable(database.db);
  // Installs pg-boss's schema and the queue before the workers start.
  jobs = await startJobs({
    url: database.url,
    db: database.db,
    logger: pino({ level: 'silent' }),
    work: false,
    jobs: [recordRunJob],
  });
  await Promise.all([startWorker('a', database.url), startWorker('b', database.url)]);
});

afterAll(async () => {
  await Promise.all(children.map(stopChild));
  await jobs?.stop(5_000);
  await database?.close();
});

it(`runs each of ${N} jobs exactly once across two worker processes`, async () => {
  const ids = await database.db.transaction().execute(async (tx) => {
    const out: string[] = [];
    for (let n = 0; n < N; n++) out.push(await enqueue(tx, recordRunJob, { n }));
    return out;
  });

  await waitFor(
    `${N} jobs to complete`,
    async () => {
      const r = await sql<{ n: number }>`
        select count(*)::int as n from pgboss.job where name = ${recordRunJob.id} and state = 'completed'`.execute(
        database.db,
      );
      return r.rows[0]?.n === N ? true : undefined;
    },
    45_000,
  );

  const runs = await sql<{ job_id: string; worker: string }>`select job_id, worker from job_runs`.execute(
    database.db,
  );
  expect(runs.rows).toHaveLength(N);
  expect(new Set(runs.rows.map((r) => r.job_id))).toEqual(new Set(ids));
  const byWorker = new Map<string, number>();
  for (const r of runs.rows) byWorker.set(r.worker, (byWorker.get(r.worker) ?? 0) + 1);
  expect([...byWorker.keys()].sort()).toEqual(['a', 'b']);
});

it('lets each worker stop cleanly on SIGTERM', async () => {
  expect(await Promise.all(children.map(stopChild))).toEqual([0, 0]);
});
