import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJobRunsTable, recordRunJob, waitFor } from '../../../test/fixtures/jobs.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { defineJob, JobPayloadError } from './define.ts';
import { enqueue } from './enqueue.ts';
import { type JobSystem, startJobs } from './runner.ts';
import { purgeSessionsJob } from './sessions-purge.ts';

const logger = pino({ level: 'silent' });

const failingJob = defineJob({
  id: 'test.always_fails',
  schema: z.object({ reason: z.string() }),
  run: async ({ reason }) => {
    throw new Error(reason);
  },
  queue: { retryLimit: 0 },
  work: { pollingIntervalSeconds: 0.5 },
});

let database: TestDatabase;
let jobs: JobSystem;
beforeAll(async () => {
  database = await createTestDatabase();
  await createJobRunsTable(database.db);
  jobs = await startJobs({
    url: database.url,
    db: database.db,
    logger,
    work: true,
    jobs: [recordRunJob, failingJob, purgeSessionsJob],
  });
});
afterAll(async () => {
  await jobs?.stop(5_000);
  await database?.close();
});

async function countRuns(): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from job_runs`.execute(database.db);
  return r.rows[0]?.n ?? 0;
}

function finalState(name: string, id: string) {
  return waitFor(`job ${id} to finish`, async () => {
    const job = await jobs.boss.getJobById<object>(name, id);
    return job && (job.state === 'completed' || job.state === 'failed') ? job : undefined;
  });
}

describe('enqueue', () => {
  it('refuses a payload that does not match the schema, naming the field, and inserts nothing', async () => {
    const before = await jobs.boss.getQueueSize(recordRunJob.id);
    // @ts-expect-error n must be a number: the compiler refuses it too
    const bad = enqueue(database.db, recordRunJob, { n: 'three' });
    await expect(bad).rejects.toThrow(JobPayloadError);
    await expect(bad).rejects.toThrow(/Invalid payload for job test\.record_run: n: .*number/);
    await expect(enqueue(database.db, recordRunJob, { n: -1 })).rejects.toThrow(/n: /);
    expect(await jobs.boss.getQueueSize(recordRunJob.id)).toBe(before);
  });

  it('writes the job in the caller transaction: a rollback leaves no job', async () => {
    let jobId = '';
    await expect(
      database.db.transaction().execute(async (tx) => {
        jobId = await enqueue(tx, recordRunJob, { n: 1 });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(jobId).not.toBe('');
    expect(await jobs.boss.getJobById(recordRunJob.id, jobId)).toBeNull();
  });

  it('refuses a job whose queue was never created', async () => {
    const unknown = defineJob({ id: 'test.no_queue', schema: z.object({}), run: async () => {} });
    await expect(enqueue(database.db, unknown, {})).rejects.toThrow(/queue test\.no_queue does not exist/);
  });
});

describe('workers', () => {
  it('runs a job committed with its transaction, once, and completes it', async () => {
    const runsBefore = await countRuns();
    const id = await database.db.transaction().execute((tx) => enqueue(tx, recordRunJob, { n: 7 }));
    const job = await finalState(recordRunJob.id, id);
    expect(job.state).toBe('completed');
    expect(await countRuns()).toBe(runsBefore + 1);
    const row = await sql<{ n: number }>`select n from job_runs where job_id = ${id}`.execute(database.db);
    expect(row.rows).toEqual([{ n: 7 }]);
  });

  it('marks a throwing job failed with its message, without retrying past its limit', async () => {
    const id = await enqueue(database.db, failingJob, { reason: 'the upstream said no' });
    const job = await finalState(failingJob.id, id);
    expect(job.state).toBe('failed');
    expect(job.output).toMatchObject({ message: 'the upstream said no' });
  });
});

describe('sessions.purge', () => {
  it('is scheduled every hour', async () => {
    const schedules = await jobs.boss.getSchedules();
    expect(schedules).toContainEqual(expect.objectContaining({ name: 'sessions.purge', cron: '0 * * * *' }));
  });

  it('deletes expired sessions and keeps live ones', async () => {
    const agency = await database.db
      .insertInto('agencies')
      .values({ name: 'Purge test agency', org_type: 'LawEnforcement', country: 'TH' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await database.db
      .insertInto('users')
      .values({
        agency_id: agency.id,
        username: 'purge',
        display_name: 'Purge',
        password_hash: 'x',
        roles: ['analyst'],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const session = (byte: number, expiresAt: Date) => ({
      id_hash: Buffer.alloc(32, byte),
      user_id: user.id,
      csrf_token: `csrf${byte}`,
      expires_at: expiresAt,
    });
    await database.db
      .insertInto('sessions')
      .values([session(1, new Date(Date.now() - 60_000)), session(2, new Date(Date.now() + 3_600_000))])
      .execute();

    const id = await enqueue(database.db, purgeSessionsJob, {});
    expect((await finalState(purgeSessionsJob.id, id)).state).toBe('completed');
    const left = await database.db.selectFrom('sessions').select('csrf_token').execute();
    expect(left).toEqual([{ csrf_token: 'csrf2' }]);
  });
});
