import { screenBatchJob } from '../../screening/batch/job.ts';
import type { AnyJob } from './define.ts';
import { purgeSessionsJob } from './sessions-purge.ts';

// Every job this node runs. Each module adds its job definitions here, once.
export const platformJobs: readonly AnyJob[] = [purgeSessionsJob, screenBatchJob];
