import * as z from 'zod/mini';
import { timestamp } from '../../platform/common/schema.ts';

// The answers of /api/screen/batch (src/screening/batch/schema.ts on the server).

export const batchStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type BatchStatus = (typeof batchStatuses)[number];
export type BatchFormat = 'jsonl' | 'text';

export const batch = z.object({
  id: z.string(),
  name: z.nullish(z.string()),
  format: z.enum(['jsonl', 'text']),
  status: z.enum(batchStatuses),
  totalBytes: z.number(),
  bytesDone: z.number(),
  linesDone: z.number(),
  percent: z.number(),
  counts: z.object({ low: z.number(), medium: z.number(), high: z.number(), errors: z.number() }),
  alerts: z.number(),
  error: z.nullish(z.string()),
  createdAt: timestamp,
  finishedAt: z.nullish(timestamp),
  resultsUrl: z.string(),
});
export type Batch = z.infer<typeof batch>;

export const batchAnswer = z.object({ batch });
export const batchList = z.object({ batches: z.array(batch) });

/** Still being screened: worth asking again. */
export const isActive = (b: Pick<Batch, 'status'>) => b.status === 'queued' || b.status === 'running';
