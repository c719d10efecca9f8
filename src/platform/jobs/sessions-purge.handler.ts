import { deleteExpiredSessions } from '../auth/repo.ts';
import type { JobContext } from './define.ts';

export async function purgeExpiredSessions(_payload: object, ctx: JobContext): Promise<void> {
  await deleteExpiredSessions(ctx.db);
  ctx.logger.debug({ jobId: ctx.jobId }, 'expired sessions purged');
}
