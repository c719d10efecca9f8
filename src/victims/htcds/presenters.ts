import { z } from '@hono/zod-openapi';
import type { ExportReport } from './export.ts';
import type { ImportReport } from './import.ts';

// What the API returns of an import or an export; every field listed, so nothing leaks by accident.
// A report carries counts, row numbers and column names, never a cell's value.

const tally = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });

export const importReportSchema = z
  .object({
    importId: z.uuid(),
    file: z.object({ name: z.string(), format: z.string(), sha256: z.string(), bytes: z.number() }),
    rows: z.number(),
    written: z.boolean(),
    writtenRows: z.number(),
    skippedRows: z.number(),
    problems: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
    counts: z.object({
      persons: tally,
      cases: tally,
      links: tally,
      organisations: tally,
      referrals: tally,
      comments: tally,
      events: tally,
      plans: tally,
      items: tally,
      assessments: z.number(),
    }),
    seconds: z.number(),
  })
  .openapi('HtcdsImportReport');

export function presentImport(r: ImportReport): z.infer<typeof importReportSchema> {
  return {
    importId: r.importId,
    file: { name: r.file.name, format: r.file.format, sha256: r.file.sha256, bytes: r.file.bytes },
    rows: r.rows,
    written: r.written,
    writtenRows: r.writtenRows,
    skippedRows: r.skippedRows,
    problems: r.issues.map((i) => ({ row: i.row, column: i.column, message: i.message })),
    counts: r.counts,
    seconds: r.seconds,
  };
}

/** An export's figures, sent as response headers beside the file. */
export function exportHeaders(r: ExportReport): Record<string, string> {
  return {
    'x-htcds-rows': String(r.rows),
    'x-htcds-persons': String(r.persons),
    'x-htcds-cases': String(r.cases),
    'x-htcds-withheld': String(r.withheld),
    'x-htcds-view': r.view,
    'x-htcds-sha256': r.sha256,
  };
}
