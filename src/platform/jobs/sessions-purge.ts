import { z } from 'zod';
import { defineJob } from './define.ts';

/** Deletes expired sessions, hourly. */
export const purgeSessionsJob = defineJob({
  id: 'sessions.purge',
  schema: z.object({}),
  load: async () => (await import('./sessions-purge.handler.ts')).purgeExpiredSessions,
  queue: { retryLimit: 1, expireInSeconds: 300 },
  schedule: { cron: '0 * * * *', payload: {} },
});
