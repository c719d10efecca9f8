import { z } from '@hono/zod-openapi';
import { text } from '../../platform/http/fields.ts';
import { LANGS } from '../types.ts';

// Request and response shapes of /api/screen/batch.

export const uploadQuery = z.strictObject({
  format: z.enum(['jsonl', 'text']).default('jsonl').openapi({
    description:
      'jsonl: one {"text", "id"?, "country"?, "lang"?, "url"?, "postedAt"?} per line; text: one post per line',
  }),
  name: text(200).optional().openapi({ description: 'The file name, shown in the list of batches' }),
});

export const resultsQuery = z.strictObject({
  lang: z.enum(LANGS).optional().openapi({
    description:
      'Language of the indicator reasons; overrides Accept-Language (a download link cannot set headers)',
    example: 'vi',
  }),
});

export const listQuery = z.strictObject({
  scope: z
    .enum(['mine', 'agency'])
    .default('mine')
    .openapi({ description: "mine: the caller's uploads; agency: the agency's (analysts)" }),
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const count = z.number().int().nonnegative();

export const batchSchema = z
  .object({
    id: z.uuid(),
    name: z.string().nullable(),
    format: z.enum(['jsonl', 'text']),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    sha256: z.string().openapi({ description: 'SHA-256 (hex) of the upload exactly as received' }),
    totalBytes: count,
    bytesDone: count,
    linesDone: count.openapi({ description: 'Input lines consumed, numbered as `jaring screen` does' }),
    percent: z.number().min(0).max(100),
    counts: z.object({ low: count, medium: count, high: count, errors: count }),
    alerts: count,
    error: z.string().nullable(),
    createdBy: z.uuid(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    statusUrl: z.string(),
    resultsUrl: z.string(),
  })
  .openapi('ScreeningBatch');

export const batchAnswer = z.object({ batch: batchSchema });
export const batchList = z.object({ batches: z.array(batchSchema) });
