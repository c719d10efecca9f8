import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { FieldCipher } from '../crypto/fields.ts';
import type { Db } from '../db/database.ts';
import type { AnyJob } from './define.ts';
import { JOBS_SCHEMA } from './enqueue.ts';
import { platformJobs } from './registry.ts';

export type StartJobsOptions = {
  url: string;
  /** Handlers get this database. */
  db: Db;
  logger: Logger;
  /** Run workers in this process. Without, only queues and schedules are kept (JARING_WORKERS=none). */
  work: boolean;
  jobs?: readonly AnyJob[];
  /** The node's current data keys, for jobs that handle sealed columns (screening batches). */
  cipher?: () => Promise<FieldCipher>;
  /** Connections pg-boss opens for polling, maintenance and cron. */
  maxConnections?: number;
};

export type JobSystem = {
  boss: PgBoss;
  /** Stops fetching, waits up to timeoutMs for running jobs, then closes pg-boss's connections. */
  stop(timeoutMs?: number): Promise<void>;
};

// Keys with a value only: pg-boss takes a key that is present but undefined as an invalid setting.
function queueOptions(job: AnyJob): PgBoss.Queue {
  const { retryLimit, retryDelay, retryBackoff, expireInSeconds } = job.queue;
  return {
    name: job.id,
    ...(retryLimit === undefined ? {} : { retryLimit }),
    ...(retryDelay === undefined ? {} : { retryDelay }),
    ...(retryBackoff === undefined ? {} : { retryBackoff }),
    ...(expireInSeconds === undefined ? {} : { expireInSeconds }),
  };
}

function workOptions(job: AnyJob): PgBoss.WorkOptions {
  const { batchSize, pollingIntervalSeconds } = job.work;
  return {
    ...(batchSize === undefined ? {} : { batchSize }),
    ...(pollingIntervalSeconds === undefined ? {} : { pollingIntervalSeconds }),
  };
}

/** What to log of an error: pg errors carry their connection, which must not be dumped into the log. */
function describeError(err: unknown): { message: string; stack?: unknown; code?: unknown; queue?: unknown } {
  // pg-boss reports worker errors as plain objects spread from the Error.
  if (typeof err !== 'object' || err === null) return { message: String(err) };
  return {
    message: 'message' in err ? String(err.message) : String(err),
    stack: 'stack' in err ? err.stack : undefined,
    code: 'code' in err ? err.code : undefined,
    queue: 'queue' in err ? err.queue : undefined,
  };
}

type Worker = { db: Db; logger: Logger; cipher: (() => Promise<FieldCipher>) | undefined };

async function runBatch(
  boss: PgBoss,
  job: AnyJob,
  batch: PgBoss.Job<object>[],
  { db, logger, cipher }: Worker,
) {
  // Each job succeeds or fails on its own; pg-boss then completes only those still active.
  for (const item of batch) {
    const log = logger.child({ job: job.id, jobId: item.id });
    try {
      await job.execute(item.data, { db, logger: log, jobId: item.id, ...(cipher ? { cipher } : {}) });
    } catch (err) {
      const error = describeError(err);
      log.error({ error }, 'job failed');
      await boss.fail(job.id, item.id, { message: error.message });
    }
  }
}

/** Starts pg-boss in its own schema, creates a queue (and schedule) per job, and, if asked, works them. */
export async function startJobs(options: StartJobsOptions): Promise<JobSystem> {
  const { db, logger, jobs = platformJobs } = options;
  const ids = jobs.map((j) => j.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new Error(`job ${duplicate} is registered twice`);

  const boss = new PgBoss({
    connectionString: options.url,
    schema: JOBS_SCHEMA,
    max: options.maxConnections ?? 4,
    application_name: 'jaring-jobs',
  });
  boss.on('error', (err) => logger.error({ error: describeError(err) }, 'job system error'));
  await boss.start();
  try {
    for (const job of jobs) {
      const settings = queueOptions(job);
      await boss.createQueue(job.id, settings);
      await boss.updateQueue(job.id, settings);
      if (job.schedule) await boss.schedule(job.id, job.schedule.cron, job.schedule.payload, { tz: 'UTC' });
      else await boss.unschedule(job.id);
    }
    if (options.work) {
      for (const job of jobs) {
        const worker = { db, logger, cipher: options.cipher };
        await boss.work<object>(job.id, workOptions(job), (batch) => runBatch(boss, job, batch, worker));
      }
    }
  } catch (err) {
    await boss.stop({ graceful: false });
    throw err;
  }
  logger.info({ jobs: ids, work: options.work }, 'job system started');
  return {
    boss,
    stop: (timeoutMs = 30_000) => boss.stop({ graceful: true, timeout: timeoutMs }),
  };
}
