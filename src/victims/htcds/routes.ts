import { PassThrough } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { HttpError, invalid, requirePrincipal } from '../../platform/http/errors.ts';
import { errorResponses, errorSchema, jsonResponse } from '../../platform/http/fields.ts';
import type { Router } from '../../platform/http/router.ts';
import { nodeCatalog } from '../identification/catalog.ts';
import { FileProblem } from './csv.ts';
import { exportHtcds, type Recipient } from './export.ts';
import { importHtcds } from './import.ts';
import { htcdsPolicy as policy } from './policy.ts';
import { exportHeaders, importReportSchema, presentImport } from './presenters.ts';
import { exportQuery, importQuery } from './schema.ts';
import { bufferSource, type HtcdsFormat } from './source.ts';
import { readUpload, tooLarge } from './upload.ts';

const tags = ['victims'];
const file = z.string().openapi({ format: 'binary' });
const problem = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
});
// Plain strings: zod-openapi would otherwise type these media types as JSON.
const CSV: string = 'text/csv';
const XLSX: string = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const exportRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/htcds/export',
  summary: "The agency's persons and cases as an HTCDS 2.0 file (CSV or XLSX)",
  description:
    'One row per person in a case, per person in no case and per case with no person; the header is every ' +
    'HTCDS 2.0 field, then the jar_ extensions, then jar_PersonExternalId and jar_CaseExternalId. Identities ' +
    'and narratives only for those who may read them (others get pseudonyms). With recipientCountry and purpose, ' +
    'the file is for a recipient outside the node: only persons whose consent allows it are included. Audited.',
  request: { query: exportQuery },
  responses: {
    200: { description: 'The file', content: { [CSV]: { schema: file }, [XLSX]: { schema: file } } },
    ...errorResponses,
  },
});

const importRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/htcds/import',
  summary: 'Import an HTCDS 2.0 file (CSV or XLSX, up to JARING_HTCDS_MAX_BYTES)',
  description:
    'The body is the file itself. Every row is checked first; any problem and nothing is written (400, each ' +
    'problem in error.fields with path "<row>.<column>", rows numbered as a spreadsheet numbers them), unless ' +
    'partial=true. Rows are matched by jar_PersonExternalId and jar_CaseExternalId: the same file twice ' +
    'creates nothing new.',
  request: {
    query: importQuery,
    body: { required: true, content: { [CSV]: { schema: file }, [XLSX]: { schema: file } } },
  },
  responses: {
    200: jsonResponse(importReportSchema, 'Imported (with partial=true, the problems of the rows skipped)'),
    ...errorResponses,
    415: problem('The file was sent as a form, or in a format that is neither CSV nor XLSX'),
  },
});

function formatOf(declared: HtcdsFormat | undefined, contentType: string): HtcdsFormat {
  if (declared) return declared;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/csv') return 'csv';
  if (type === XLSX) return 'xlsx';
  throw new HttpError(
    415,
    'unsupported_media_type',
    'Send the file itself as the body, as text/csv or as an XLSX workbook (or say format=csv|xlsx).',
  );
}

// A file's and its rows' problems are the import's report, in English and HTCDS terms: `custom`.
const fileRefusal = (err: FileProblem) =>
  invalid(err.message, [{ path: '(file)', code: 'custom', message: err.message }], {
    status: err.status,
    code: err.status === 413 ? 'body_too_large' : 'invalid_file',
  });

export function registerHtcdsRoutes(router: Router): void {
  router.openapi(exportRoute, policy['victims.htcds.export'], async (c) => {
    const q = c.req.valid('query');
    const given = [q.recipientCountry, q.purpose].filter((v) => v !== undefined).length;
    if (given === 1 || (q.recipientAgency !== undefined && given === 0)) {
      const [missing, other] = q.recipientCountry
        ? ['purpose', 'recipientCountry']
        : ['recipientCountry', 'purpose'];
      throw invalid('A file for a recipient needs recipientCountry and purpose.', [
        {
          path: missing,
          code: 'required_with',
          message: 'is required with the other',
          params: { field: other },
        },
      ]);
    }
    const recipient: Recipient | undefined =
      q.recipientCountry && q.purpose
        ? { country: q.recipientCountry, agency: q.recipientAgency ?? null, purpose: q.purpose }
        : undefined;
    const principal = requirePrincipal(c.var.principal);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const report = await exportHtcds(c.var.deps, principal, { format: q.format, recipient }, out);
    const day = new Date().toISOString().slice(0, 10);
    return c.body(Buffer.concat(chunks), 200, {
      'content-type': q.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX,
      'content-disposition': `attachment; filename="htcds-${day}.${q.format}"`,
      'cache-control': 'no-store',
      ...exportHeaders(report),
    });
  });

  router.openapi(
    importRoute,
    policy['victims.htcds.import'],
    async (c) => {
      const q = c.req.valid('query');
      const { deps } = c.var;
      const contentType = c.req.header('content-type') ?? '';
      if (/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(contentType)) {
        throw new HttpError(415, 'unsupported_media_type', 'Send the file itself as the body, not a form.');
      }
      const format = formatOf(q.format, contentType);
      const max = deps.config.htcdsMaxBytes;
      if (Number(c.req.header('content-length') ?? 0) > max) throw tooLarge(max);
      const bytes = await readUpload(c.req.raw.body, max);
      const principal = requirePrincipal(c.var.principal);
      try {
        const report = await importHtcds(
          { db: deps.db, cipher: deps.cipher, catalog: nodeCatalog(deps.config), url: deps.databaseUrl },
          principal,
          bufferSource(q.name ?? `upload.${format}`, format, bytes),
          { maxBytes: max, partial: q.partial === 'true' },
        );
        if (report.issues.length > 0 && !report.written && q.partial !== 'true') {
          throw invalid(
            `The file has ${report.issues.length} problems; nothing was written.`,
            report.issues.map((i) => ({ path: `${i.row}.${i.column}`, code: 'custom', message: i.message })),
          );
        }
        return c.json(presentImport(report), 200);
      } catch (err) {
        if (err instanceof FileProblem) throw fileRefusal(err);
        throw err;
      }
    },
    { streamBody: true },
  );
}
