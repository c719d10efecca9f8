import { z } from '@hono/zod-openapi';
import { isoDate } from '../person-schema.ts';

// Request and response shapes of GET /api/victims/statistics.

export const statisticsQuery = z
  .object({
    from: isoDate.optional().openapi({
      description: 'Registered on or after this day (YYYY-MM-DD), the first day of a month (else 422)',
    }),
    to: isoDate.optional().openapi({
      description: 'Registered on or before this day (YYYY-MM-DD), the last day of a month (else 422)',
    }),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.to < q.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'must not be before from',
        params: { code: 'not_before', field: 'from' },
      });
    }
  });
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

const count = z
  .object({ value: z.number().int().nullable(), suppressed: z.boolean() })
  .openapi({ description: 'value is null and suppressed true when withheld; else rounded to `roundedTo`' });
const table = z
  .object({
    multiValued: z.boolean().openapi({
      description: 'A person can count in several cells: the cells may add up to more than the total',
    }),
    total: count,
    cells: z.array(
      z.object({ key: z.string().nullable().openapi({ description: 'null: not recorded' }), count }),
    ),
  })
  .openapi('StatisticsTable');

export const statisticsResult = z
  .object({
    k: z.number().int().openapi({ description: 'Counts from 1 to k − 1 are withheld' }),
    suppression: z.literal('complementary'),
    roundedTo: z
      .number()
      .int()
      .openapi({ description: 'Every count given is rounded to the nearest multiple of this' }),
    from: z.string().nullable(),
    to: z.string().nullable(),
    persons: z.object({
      total: count,
      gender: table,
      ageGroup: table,
      citizenship: table.openapi({ description: 'Multi-valued: a person counts in each country' }),
      exploitation: table.openapi({ description: 'Multi-valued: a person counts in each type' }),
      forcedCriminality: table.openapi({
        description: 'Persons with ForcedCriminality, by sub-type (multi-valued)',
      }),
      traffickingStatus: table,
      registrationYear: table,
    }),
    assessments: z.object({
      decision: table.openapi({ description: "Each person's latest assessment" }),
      nonPunishment: count.openapi({ description: 'Persons any assessment raised the flag for' }),
    }),
    cases: z.object({ status: table.openapi({ description: 'Cases opened in the range' }) }),
  })
  .openapi('VictimStatistics');
export type StatisticsResult = z.infer<typeof statisticsResult>;
