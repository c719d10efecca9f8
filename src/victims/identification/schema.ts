import { z } from '@hono/zod-openapi';
import { rule, text } from '../../platform/http/fields.ts';
import { ANSWERS, DECISIONS, SUBJECT_AGES } from './types.ts';

// Request and response shapes of the identification routes. Every mistake is a 400 naming its field;
// ids that must exist in the node's indicator sets are checked by validate.ts.

/** Clocks in the field drift: an assessment up to five minutes "in the future" is accepted. */
const CLOCK_SKEW_MS = 5 * 60_000;
const noRepeats = (values: readonly string[]) => new Set(values).size === values.length;

const answerSchema = z.strictObject({
  indicatorId: text(100),
  answer: z.enum(ANSWERS),
  note: text(2000).optional(),
});

export const assessmentBody = z
  .strictObject({
    subjectAge: z.enum(SUBJECT_AGES),
    sets: z
      .array(z.strictObject({ setId: text(64), answers: z.array(answerSchema).max(500) }))
      .min(1)
      .max(10)
      .refine(
        (sets) => noRepeats(sets.map((s) => s.setId)),
        rule('duplicate', 'lists an indicator set twice'),
      ),
    decision: z.enum(DECISIONS),
    /** The agency that took the decision; default: the recording officer's agency. */
    decidingAgencyId: z.uuid().optional(),
    rationale: text(10_000),
    /** When the interview took place; default: now. */
    assessedAt: z.iso
      .datetime({ offset: true, error: 'must be a date-time with a time zone (ISO 8601)' })
      .optional(),
  })
  .superRefine((body, ctx) => {
    if (body.assessedAt && Date.parse(body.assessedAt) > Date.now() + CLOCK_SKEW_MS) {
      ctx.addIssue({ code: 'custom', path: ['assessedAt'], ...rule('in_future', 'is in the future') });
    }
  })
  .openapi('IdentificationAssessmentInput');

export type AssessmentInput = z.infer<typeof assessmentBody>;

const labels = z.record(z.string(), z.string());
const cite = z.object({
  source: z.string(),
  section: z.string().optional(),
  page: z.number().optional(),
  quote: z.string().optional(),
  note: z.string().optional(),
});
const origin = z.enum(['source', 'jaring', 'national']);
const combo = z.record(z.string(), z.number());

export const indicatorSetSchema = z
  .object({
    id: z.string(),
    version: z.string(),
    labels,
    population: z.enum(['adult', 'child', 'any']),
    exploitation: z.string(),
    origin: z.enum(['bundled', 'national']),
    verification: z.object({ status: z.enum(['checked', 'secondary', 'unchecked']), note: z.string() }),
    cites: z.array(cite),
    dimensions: z.array(
      z.object({
        id: z.string(),
        labels,
        rule: z.object({ id: z.string(), anyOf: z.array(combo), text: labels, origin, cites: z.array(cite) }),
      }),
    ),
    indicators: z.array(
      z.object({
        id: z.string(),
        dimension: z.string(),
        strength: z.enum(['strong', 'medium', 'weak']).nullable(),
        nonPunishment: z.boolean(),
        labels,
        explanation: labels,
        cites: z.array(cite),
      }),
    ),
    outcomes: z.array(
      z.object({
        id: z.string(),
        labels,
        population: z.enum(['adult', 'child']).nullable(),
        text: labels,
        origin,
        cites: z.array(cite),
      }),
    ),
  })
  .openapi('IndicatorSet');

export const nonPunishmentReferenceSchema = z.object({
  instrument: z.string(),
  article: z.string(),
  names: z.object({ instrument: labels, article: labels }),
  labels,
  explanation: labels,
  cites: z.array(cite),
});

export const setsResponse = z.object({
  sets: z.array(indicatorSetSchema),
  nonPunishment: nonPunishmentReferenceSchema,
  national: z.object({ id: z.string(), version: z.number(), country: z.string() }).nullable(),
});

const resultSchema = z.object({
  subjectAge: z.enum(SUBJECT_AGES),
  sets: z.array(
    z.object({
      setId: z.string(),
      version: z.string(),
      verification: z.enum(['checked', 'secondary', 'unchecked']),
      tally: z.object({ yes: z.number(), no: z.number(), unknown: z.number() }),
      dimensions: z.array(
        z.object({
          id: z.string(),
          positive: z.boolean(),
          counts: z.object({ strong: z.number(), medium: z.number(), weak: z.number(), any: z.number() }),
          present: z.array(
            z.object({ id: z.string(), strength: z.enum(['strong', 'medium', 'weak']).nullable() }),
          ),
          rule: z.object({ id: z.string(), text: z.string(), origin }),
          matched: combo.nullable(),
        }),
      ),
      outcomes: z.array(
        z.object({ id: z.string(), applicable: z.boolean(), met: z.boolean(), text: z.string(), origin }),
      ),
      nonPunishment: z.array(z.string()),
    }),
  ),
  outcomesMet: z.array(z.object({ setId: z.string(), outcomeId: z.string() })),
  nonPunishment: z.object({
    raised: z.boolean(),
    indicators: z.array(z.object({ setId: z.string(), indicatorId: z.string() })),
    reference: z.object({ instrument: z.string(), article: z.string(), quote: z.string().nullable() }),
  }),
});

export const assessmentSummarySchema = z
  .object({
    id: z.string(),
    personId: z.string(),
    subjectAge: z.enum(SUBJECT_AGES),
    decision: z.enum(DECISIONS),
    /** HTCDS 2.0 vic_TraffickingStatus for the decision; null for needs_more_information */
    htcdsTraffickingStatus: z
      .enum(['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking'])
      .nullable(),
    decidingAgencyId: z.string(),
    nonPunishment: z.boolean(),
    outcomesMet: z.array(z.object({ setId: z.string(), outcomeId: z.string() })),
    setVersions: z.array(z.object({ id: z.string(), version: z.string() })),
    nationalSet: z.string().nullable(),
    assessedAt: z.string(),
    recordedBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('IdentificationAssessmentSummary');

export const assessmentSchema = assessmentSummarySchema
  .extend({
    agencyId: z.string(),
    answers: z.array(
      z.object({
        setId: z.string(),
        answers: z.array(
          z.object({ indicatorId: z.string(), answer: z.enum(ANSWERS), note: z.string().nullable() }),
        ),
      }),
    ),
    result: resultSchema,
    /** shown; withheld from readers who may not see it; tampered when it fails its integrity check */
    narrative: z.enum(['shown', 'withheld', 'tampered']),
    rationale: z.string().nullable(),
  })
  .openapi('IdentificationAssessment');
