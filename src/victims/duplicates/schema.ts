import { z } from '@hono/zod-openapi';
import { rule, text } from '../../platform/http/fields.ts';
import { identityInput, isoDate } from '../person-schema.ts';
import { personSummary } from '../responses.ts';

// Request and response shapes of duplicate search and merges.

const limit = z.coerce.number().int().min(1).max(50).default(10);

export const checkBody = z
  .strictObject({
    registeredOn: isoDate.optional(),
    identity: identityInput.pick({
      firstName: true,
      middleName: true,
      secondName: true,
      birthdate: true,
      identityNumber: true,
      homePhone: true,
      mobilePhone: true,
    }),
    profile: z.strictObject({ ageAtRegistration: z.number().int().min(0).max(130).nullish() }).optional(),
    limit,
  })
  .openapi('DuplicateCheck');
export type CheckInput = z.infer<typeof checkBody>;

export const duplicatesQuery = z.strictObject({ limit });

const reason = text(2000);
export const proposeBody = z
  .strictObject({
    survivorId: z.uuid(),
    mergedId: z.uuid(),
    reason: reason.openapi({ description: 'Why these records are one person (sealed at rest)' }),
  })
  .refine((b) => b.survivorId !== b.mergedId, {
    path: ['mergedId'],
    ...rule('must_differ', 'must differ from survivorId', { field: 'survivorId' }),
  })
  .openapi('ProposeMerge');
export type ProposeInput = z.infer<typeof proposeBody>;

export const confirmBody = z
  .strictObject({
    note: reason.optional().openapi({
      description: 'Required when you confirm your own proposal: why no second caseworker confirms it',
    }),
  })
  .openapi('ConfirmMerge');
export const rejectBody = z.strictObject({ note: reason }).openapi('RejectMerge');
export const unmergeBody = z.strictObject({ reason }).openapi('Unmerge');

export const mergeListQuery = z.strictObject({
  status: z.enum(['proposed', 'rejected', 'merged', 'unmerged']).optional(),
  personId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const reasonOut = z.discriminatedUnion('signal', [
  z.object({
    signal: z.literal('name'),
    similarity: z.number(),
    containment: z.number(),
    weight: z.number(),
  }),
  z.object({
    signal: z.literal('birthdate'),
    match: z.enum(['exact', 'year_within_one', 'differs']),
    weight: z.number(),
  }),
  z.object({ signal: z.literal('identity_number'), weight: z.number() }),
  z.object({ signal: z.literal('phone'), weight: z.number() }),
]);
export const evidenceOut = z
  .object({ score: z.number(), level: z.enum(['high', 'medium', 'low']), reasons: z.array(reasonOut) })
  .openapi('DuplicateEvidence');

const candidate = z.object({ person: personSummary, evidence: evidenceOut }).openapi('DuplicateCandidate');
export const checkResult = z.object({ candidates: z.array(candidate) });
export const duplicatesResult = z.object({
  person: z.object({ id: z.string(), pseudonym: z.string() }),
  candidates: z.array(candidate),
});

const str = z.string().nullable();
export const mergeOut = z
  .object({
    id: z.string(),
    survivorId: z.string(),
    mergedId: z.string(),
    status: z.enum(['proposed', 'rejected', 'merged', 'unmerged']),
    evidence: evidenceOut,
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
  })
  .openapi('PersonMerge');
export const mergeResult = z.object({ merge: mergeOut });
export const mergeList = z.object({ merges: z.array(mergeOut) });

export const mergedRecordsResult = z
  .object({
    personId: z.string(),
    survivorId: z.string(),
    persons: z.array(
      z.object({
        person: personSummary,
        mergedInto: str,
        mergeId: str,
        mergedAt: str,
      }),
    ),
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
    consents: z.array(
      z.object({
        id: z.string(),
        personId: z.string().openapi({ description: 'The record the consent was given under' }),
        purpose: z.string(),
        categories: z.array(z.string()),
        recipientCountry: z.string(),
        recipientAgency: str,
        givenBy: z.string(),
        conConsent: z.boolean(),
        givenAt: z.string(),
        expiresAt: z.string(),
        withdrawnAt: str,
      }),
    ),
    assessments: z.array(
      z.object({
        id: z.string(),
        personId: z.string(),
        decision: z.string(),
        nonPunishment: z.boolean(),
        assessedAt: z.string(),
      }),
    ),
  })
  .openapi('MergedRecords');
