import * as z from 'zod/mini';
import { personSummary } from '../schema.ts';

// Answers of the duplicates and merge routes (src/victims/duplicates/schema.ts), as this UI reads them.

const str = z.nullable(z.string());

export const mergeStatuses = ['proposed', 'rejected', 'merged', 'unmerged'] as const;
export type MergeStatus = (typeof mergeStatuses)[number];

export const signals = ['name', 'birthdate', 'identity_number', 'phone'] as const;
export type Signal = (typeof signals)[number];

const reason = z.object({
  signal: z.enum(signals),
  match: z.optional(z.enum(['exact', 'year_within_one', 'differs'])),
  similarity: z.optional(z.number()),
});
export type Reason = z.infer<typeof reason>;

export const evidence = z.object({
  score: z.number(),
  level: z.enum(['high', 'medium', 'low']),
  reasons: z.array(reason),
});
export type Evidence = z.infer<typeof evidence>;

const candidate = z.object({ person: personSummary, evidence });
export type Candidate = z.infer<typeof candidate>;

export const duplicatesAnswer = z.object({
  person: z.object({ id: z.string(), pseudonym: z.string() }),
  candidates: z.array(candidate),
});

export const merge = z.object({
  id: z.string(),
  survivorId: z.string(),
  mergedId: z.string(),
  status: z.enum(mergeStatuses),
  evidence,
  reason: str,
  proposedBy: z.string(),
  proposedAt: z.string(),
  decidedBy: str,
  decidedAt: str,
  decisionNote: str,
  selfConfirmed: z.boolean(),
  unmergedBy: str,
  unmergedAt: str,
  unmergeReason: str,
  integrity: z.object({ status: z.enum(['ok', 'tampered']), tamperedFields: z.array(z.string()) }),
});
export type Merge = z.infer<typeof merge>;
export const mergeAnswer = z.object({ merge });
export const mergeList = z.object({ merges: z.array(merge) });

export const mergedRecords = z.object({
  personId: z.string(),
  survivorId: z.string(),
  persons: z.array(z.object({ person: personSummary, mergedInto: str, mergeId: str, mergedAt: str })),
  cases: z.array(
    z.object({
      caseId: z.string(),
      personId: z.string(),
      role: z.string(),
      status: z.string(),
      openedOn: z.string(),
      linkedAt: z.string(),
    }),
  ),
  consents: z.array(z.object({ id: z.string(), personId: z.string() })),
  assessments: z.array(z.object({ id: z.string(), personId: z.string() })),
});
export type MergedRecords = z.infer<typeof mergedRecords>;
