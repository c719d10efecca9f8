import { createRoute, z } from '@hono/zod-openapi';
import { HttpError, requirePrincipal } from '../../platform/http/errors.ts';
import { errorResponses, errorSchema, idParam, jsonResponse } from '../../platform/http/fields.ts';
import type { Router } from '../../platform/http/router.ts';
import { screeningPolicy as policy } from '../policy.ts';
import { readerLang } from '../reason-lang.ts';
import { readerHeaders } from '../schema.ts';
import { tooLarge } from './body.ts';
import { batchPath, presentBatch } from './presenters.ts';
import { batchAnswer, batchList, listQuery, resultsQuery, uploadQuery } from './schema.ts';
import { listVisibleBatches, readResults, visibleBatch } from './service.ts';
import { storeUpload } from './upload.ts';

const tags = ['screening'];
const problem = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
});
const file = z.string().openapi({ format: 'binary' });
// Typed as a plain string: zod-openapi's types take "application/x-ndjson" for a JSON type (it
// matches application/…json) and would then refuse a streamed Response.
const NDJSON: string = 'application/x-ndjson';

const uploadRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/screen/batch',
  summary: 'Upload posts to screen in the background (any size up to JARING_BATCH_MAX_BYTES)',
  description:
    'The body is the file itself, streamed: JSON Lines as for `jaring screen`, or one post per line with ' +
    '`format=text`. It is stored, then a job screens it; poll the status URL. Empty, binary or non-UTF-8 ' +
    'bodies are refused and nothing is kept.',
  request: {
    query: uploadQuery,
    body: {
      required: true,
      content: { 'application/x-ndjson': { schema: file }, 'text/plain': { schema: file } },
    },
  },
  responses: {
    202: jsonResponse(batchAnswer, 'Stored and queued; Location is the status URL'),
    ...errorResponses,
    415: problem('The body was sent as a form'),
  },
});

const listRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/screen/batch',
  summary: "The caller's batches (or, for analysts, their agency's), newest first",
  request: { query: listQuery },
  responses: { 200: jsonResponse(batchList, 'Batches'), ...errorResponses },
});

const statusRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/screen/batch/{id}',
  summary: 'Status and progress of a batch',
  request: { params: idParam },
  responses: {
    200: jsonResponse(batchAnswer, 'The batch'),
    ...errorResponses,
    404: problem('No such batch, or not visible to the caller'),
  },
});

const resultsRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/screen/batch/{id}/results',
  summary: 'The results as JSON Lines, one per screened line, as `jaring screen` prints them',
  description:
    'A result object per line, or `{"id", "error"}` for a line that could not be screened. Indicator reasons ' +
    "are in the reader's language, as for `POST /api/screen` (`lang`, else Accept-Language; English by default).",
  request: { params: idParam, query: resultsQuery, headers: readerHeaders },
  responses: {
    200: { description: 'JSON Lines', content: { [NDJSON]: { schema: file } } },
    ...errorResponses,
    404: problem('No such batch, or not visible to the caller'),
    409: problem('The batch is still being screened'),
  },
});

const FORMS = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i;

export function registerBatchRoutes(router: Router): void {
  router.openapi(
    uploadRoute,
    policy['screening.batch.upload'],
    async (c) => {
      const { format, name } = c.req.valid('query');
      const { db, cipher, config } = c.var.deps;
      if (FORMS.test(c.req.header('content-type') ?? '')) {
        throw new HttpError(
          415,
          'unsupported_media_type',
          'Send the file itself as the body (application/x-ndjson or text/plain), not a form.',
        );
      }
      const declared = Number(c.req.header('content-length') ?? 0);
      if (declared > config.batchMaxBytes) throw tooLarge(config.batchMaxBytes);
      const batch = await storeUpload(db, cipher, requirePrincipal(c.var.principal), c.req.raw.body, {
        format,
        name: name ?? null,
        maxBytes: config.batchMaxBytes,
      });
      c.header('Location', batchPath(batch.id));
      return c.json({ batch: presentBatch(batch) }, 202);
    },
    { streamBody: true },
  );

  router.openapi(listRoute, policy['screening.batch.read'], async (c) => {
    const rows = await listVisibleBatches(
      c.var.deps.db,
      requirePrincipal(c.var.principal),
      c.req.valid('query'),
    );
    return c.json({ batches: rows.map(presentBatch) }, 200);
  });

  router.openapi(statusRoute, policy['screening.batch.read'], async (c) => {
    const batch = await visibleBatch(
      c.var.deps.db,
      requirePrincipal(c.var.principal),
      c.req.valid('param').id,
    );
    return c.json({ batch: presentBatch(batch) }, 200);
  });

  router.openapi(resultsRoute, policy['screening.batch.read'], async (c) => {
    // As POST /api/screen: Accept-Language, unless the query names the language.
    const { lang: asked } = c.req.valid('query');
    const fromHeader = readerLang(c);
    if (asked) c.header('Content-Language', asked);
    const lang = asked ?? fromHeader;
    const { batch, body } = await readResults(
      c.var.deps,
      requirePrincipal(c.var.principal),
      c.req.valid('param').id,
      lang,
    );
    return c.body(body, 200, {
      'content-type': `${NDJSON}; charset=utf-8`,
      'content-disposition': `attachment; filename="screening-${batch.id}.jsonl"`,
      'x-batch-status': batch.status,
    });
  });
}
