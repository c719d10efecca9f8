import * as z from 'zod/mini';

// The identification API's answers (src/victims/identification/schema.ts on the server).

export const answers = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof answers)[number];
export const decisions = ['presumed_victim', 'victim', 'not_victim', 'needs_more_information'] as const;
export type Decision = (typeof decisions)[number];
export const subjectAges = ['adult', 'child', 'presumed_child'] as const;
export type SubjectAge = (typeof subjectAges)[number];
export const strengths = ['strong', 'medium', 'weak'] as const;
export type Strength = (typeof strengths)[number];

/** Text in up to ten languages; English is always there. */
const labels = z.record(z.string(), z.string());
export type Labels = z.infer<typeof labels>;
const combo = z.record(z.string(), z.number());
export type Combo = z.infer<typeof combo>;
const origin = z.enum(['source', 'jaring', 'national']);

export const indicatorSet = z.object({
  id: z.string(),
  version: z.string(),
  labels,
  population: z.enum(['adult', 'child', 'any']),
  exploitation: z.string(),
  verification: z.object({ status: z.string(), note: z.string() }),
  dimensions: z.array(
    z.object({
      id: z.string(),
      labels,
      rule: z.object({ id: z.string(), anyOf: z.array(combo), text: labels, origin }),
    }),
  ),
  indicators: z.array(
    z.object({
      id: z.string(),
      dimension: z.string(),
      strength: z.nullable(z.enum(strengths)),
      nonPunishment: z.boolean(),
      labels,
      explanation: labels,
    }),
  ),
  outcomes: z.array(z.object({ id: z.string(), labels, population: z.nullable(z.enum(['adult', 'child'])) })),
});
export type IndicatorSet = z.infer<typeof indicatorSet>;
export type SetIndicator = IndicatorSet['indicators'][number];

export const nonPunishmentReference = z.object({
  instrument: z.string(),
  article: z.string(),
  names: z.object({ instrument: labels, article: labels }),
  labels,
  explanation: labels,
});
export type NonPunishmentReference = z.infer<typeof nonPunishmentReference>;

export const setsAnswer = z.object({
  sets: z.array(indicatorSet),
  nonPunishment: nonPunishmentReference,
  national: z.nullable(z.object({ id: z.string(), version: z.number(), country: z.string() })),
});
export type SetsAnswer = z.infer<typeof setsAnswer>;

const setRef = z.object({ setId: z.string(), outcomeId: z.string() });

export const assessmentSummary = z.object({
  id: z.string(),
  personId: z.string(),
  subjectAge: z.enum(subjectAges),
  decision: z.enum(decisions),
  htcdsTraffickingStatus: z.nullable(z.string()),
  decidingAgencyId: z.string(),
  nonPunishment: z.boolean(),
  outcomesMet: z.array(setRef),
  assessedAt: z.string(),
  recordedBy: z.string(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummary>;
export const assessmentList = z.object({ assessments: z.array(assessmentSummary) });

export const assessmentResult = z.object({
  sets: z.array(
    z.object({
      setId: z.string(),
      version: z.string(),
      tally: z.object({ yes: z.number(), no: z.number(), unknown: z.number() }),
      dimensions: z.array(
        z.object({
          id: z.string(),
          positive: z.boolean(),
          present: z.array(z.object({ id: z.string(), strength: z.nullable(z.enum(strengths)) })),
        }),
      ),
      outcomes: z.array(z.object({ id: z.string(), applicable: z.boolean(), met: z.boolean() })),
      nonPunishment: z.array(z.string()),
    }),
  ),
  nonPunishment: z.object({
    raised: z.boolean(),
    indicators: z.array(z.object({ setId: z.string(), indicatorId: z.string() })),
    reference: z.object({ instrument: z.string(), article: z.string(), quote: z.nullable(z.string()) }),
  }),
});
export type AssessmentResult = z.infer<typeof assessmentResult>;

export const assessment = z.extend(assessmentSummary, {
  result: assessmentResult,
  narrative: z.enum(['shown', 'withheld', 'tampered']),
  rationale: z.nullable(z.string()),
});
export type Assessment = z.infer<typeof assessment>;
export const assessmentAnswer = z.object({ assessment });

export type AssessmentInput = {
  subjectAge: SubjectAge;
  sets: { setId: string; answers: { indicatorId: string; answer: Answer }[] }[];
  decision: Decision;
  decidingAgencyId?: string;
  rationale: string;
};
