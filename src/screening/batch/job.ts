import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define.ts';

/** Failed runs a batch may have; the last one marks it failed. Each job may also be tried this often. */
export const MAX_ATTEMPTS = 5;

/**
 * Screens an uploaded batch from its cursor on (run.ts). A run works for a few minutes, then enqueues
 * its continuation with its last checkpoint, so no run nears the queue's expiry: an expired job is
 * started again while the first may still run (the cursor check makes that harmless, not useful).
 */
export const screenBatchJob = defineJob({
  id: 'screening.batch',
  schema: z.object({ batchId: z.uuid() }),
  load: async () => (await import('./run.ts')).screenBatch,
  queue: { retryLimit: MAX_ATTEMPTS - 1, retryDelay: 5, retryBackoff: true, expireInSeconds: 600 },
  work: { batchSize: 1, pollingIntervalSeconds: 1 },
});
