import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Exec } from '../db/database.ts';
import { type JobDefinition, type PayloadSchema, parsePayload } from './define.ts';

export const JOBS_SCHEMA = 'pgboss';

/** pg-boss runs its SQL through this adapter, so the job row is written by the caller's transaction. */
export function bossExecutor(exec: Exec): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[] = []) => {
      const result = await exec.executeQuery(CompiledQuery.raw(text, values));
      return { rows: [...result.rows] };
    },
  };
}

// Never started: it only builds pg-boss's insert, which always runs on the caller's executor.
const sender = new PgBoss({
  schema: JOBS_SCHEMA,
  db: { executeSql: () => Promise.reject(new Error('enqueue must be given an executor')) },
  migrate: false,
  supervise: false,
  schedule: false,
});

export type EnqueueOptions = { startAfter?: Date; priority?: number };

/**
 * Validates the payload and inserts the job with `exec` — pass the transaction of the change
 * that needs the job, so both commit or neither does. Returns the job id.
 */
export async function enqueue<S extends PayloadSchema>(
  exec: Exec,
  job: JobDefinition<S>,
  payload: z.input<S>,
  options: EnqueueOptions = {},
): Promise<string> {
  const data = parsePayload(job, payload);
  const send: PgBoss.SendOptions = { db: bossExecutor(exec) };
  // pg-boss refuses a key that is present but undefined.
  if (options.startAfter) send.startAfter = options.startAfter;
  if (options.priority !== undefined) send.priority = options.priority;
  const id = await sender.send(job.id, data, send);
  // pg-boss inserts nothing when the queue is missing (its insert joins the queue table).
  if (!id) throw new Error(`job queue ${job.id} does not exist: it is created when the job system starts`);
  return id;
}
