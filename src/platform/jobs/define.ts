import type { Logger } from 'pino';
import type { z } from 'zod';
import type { FieldCipher } from '../crypto/fields.ts';
import type { Db } from '../db/database.ts';

// A job is an id, a zod schema for its payload, and a handler (inline, or loaded lazily so a
// process that only enqueues never imports the handler's dependencies). Documenso's shape.

/** pg-boss stores a payload as a JSON object. */
export type PayloadSchema = z.ZodType<object, object>;

export type JobContext = {
  db: Db;
  logger: Logger;
  jobId: string;
  /** The node's data keys, for jobs that read or write sealed columns (given to startJobs). */
  cipher?: () => Promise<FieldCipher>;
};
export type JobHandler<P> = (payload: P, ctx: JobContext) => Promise<void>;

/** Queue settings, stored with the queue, so a job enqueued from any process gets them. */
export type QueueSettings = {
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
};

/** How a worker fetches: jobs per fetch, and the pause (at least 0.5 s) when the queue is empty. */
export type WorkSettings = { batchSize?: number; pollingIntervalSeconds?: number };

type Handler<S extends PayloadSchema> =
  | { run: JobHandler<z.output<S>>; load?: undefined }
  | { load: () => Promise<JobHandler<z.output<S>>>; run?: undefined };

export type JobSpec<S extends PayloadSchema> = Handler<S> & {
  id: string;
  schema: S;
  queue?: QueueSettings;
  work?: WorkSettings;
  /** Cron (UTC) on which the job is enqueued with this payload. */
  schedule?: { cron: string; payload: z.input<S> };
};

export type JobDefinition<S extends PayloadSchema> = {
  readonly id: string;
  readonly schema: S;
  readonly queue: QueueSettings;
  readonly work: WorkSettings;
  readonly schedule: { cron: string; payload: object } | undefined;
  /** Validates the stored payload again (it may predate a schema change) and runs the handler. */
  execute(data: unknown, ctx: JobContext): Promise<void>;
};

export type AnyJob = JobDefinition<PayloadSchema>;

export class JobPayloadError extends Error {}

const JOB_ID = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)*$/;

export function parsePayload<S extends PayloadSchema>(
  job: { id: string; schema: S },
  payload: unknown,
): z.output<S> {
  const parsed = job.schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`);
  throw new JobPayloadError(`Invalid payload for job ${job.id}: ${issues.join('; ')}`);
}

export function defineJob<S extends PayloadSchema>(spec: JobSpec<S>): JobDefinition<S> {
  if (!JOB_ID.test(spec.id))
    throw new Error(`job id ${spec.id} must be lowercase dotted words, like sessions.purge`);
  let loaded: Promise<JobHandler<z.output<S>>> | undefined;
  const handler = (): Promise<JobHandler<z.output<S>>> => {
    if (spec.run) return Promise.resolve(spec.run);
    loaded ??= spec.load();
    return loaded;
  };
  return {
    id: spec.id,
    schema: spec.schema,
    queue: spec.queue ?? {},
    work: spec.work ?? {},
    schedule: spec.schedule && {
      cron: spec.schedule.cron,
      payload: parsePayload(spec, spec.schedule.payload),
    },
    execute: async (data, ctx) => {
      const payload = parsePayload(spec, data);
      await (await handler())(payload, ctx);
    },
  };
}
