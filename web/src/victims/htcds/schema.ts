import * as z from 'zod/mini';

// HTCDS import and export answers (src/victims/htcds/presenters.ts on the server). A report carries
// counts, row numbers and column names, never a cell's value.

const tally = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });
export type Tally = z.infer<typeof tally>;

export const problem = z.object({ row: z.number(), column: z.string(), message: z.string() });
/** One problem of a file: its row as a spreadsheet numbers it (header = 1; 0 = the file itself). */
export type Problem = z.infer<typeof problem>;

export const importReport = z.object({
  importId: z.string(),
  file: z.object({ name: z.string(), format: z.string(), sha256: z.string(), bytes: z.number() }),
  rows: z.number(),
  written: z.boolean(),
  writtenRows: z.number(),
  skippedRows: z.number(),
  problems: z.array(problem),
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
});
export type ImportReport = z.infer<typeof importReport>;

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Purposes a file may leave the node for (the export route's `purpose`). */
export const exportPurposes = ['information_sharing', 'referral', 'research'] as const;
export type ExportPurpose = (typeof exportPurposes)[number];
