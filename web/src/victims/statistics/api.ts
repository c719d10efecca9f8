import * as z from 'zod/mini';
import { getJson, withQuery } from '../../api.ts';

// GET /api/victims/statistics (src/victims/statistics): counts of the agency's victims, cases and
// assessments over whole months; a count of 1–4 comes withheld (value null, suppressed true), the
// others rounded to `roundedTo` (5).

const count = z.object({ value: z.nullable(z.number()), suppressed: z.boolean() });
export type Count = z.infer<typeof count>;
const table = z.object({
  /** A person can count in several cells: they may add up to more than the total. */
  multiValued: z.boolean(),
  total: count,
  cells: z.array(z.object({ key: z.nullable(z.string()), count })),
});
export type CountTable = z.infer<typeof table>;

const statistics = z.object({
  k: z.number(),
  roundedTo: z.number(),
  from: z.nullable(z.string()),
  to: z.nullable(z.string()),
  persons: z.object({
    total: count,
    gender: table,
    ageGroup: table,
    citizenship: table,
    exploitation: table,
    forcedCriminality: table,
    traffickingStatus: table,
    registrationYear: table,
  }),
  assessments: z.object({ decision: table, nonPunishment: count }),
  cases: z.object({ status: table }),
});
export type Statistics = z.infer<typeof statistics>;

/** First and last days of whole months (months.ts). */
export type Range = { from?: string; to?: string };

export const statisticsKeys = {
  all: ['victims', 'statistics'] as const,
  range: (range: Range) => ['victims', 'statistics', range.from ?? '', range.to ?? ''] as const,
};

export const fetchStatistics = (range: Range) =>
  getJson(withQuery('/api/victims/statistics', { from: range.from, to: range.to }), statistics);
