import { z } from '@hono/zod-openapi';
import { rule, text } from '../platform/http/fields.ts';
import { isoDate, pick } from './person-schema.ts';
import { latestToday } from './rules.ts';

// Request shapes for cases. Lifecycle (ours): open → active → referred → closed, with a reason
// to close; cas_Status (HTCDS) follows it unless given.

export const CASE_STATUSES = ['open', 'active', 'referred', 'closed'] as const;
export const CASE_PERSON_ROLES = ['victim', 'perpetrator', 'witness', 'family', 'other'] as const;

const notFuture = isoDate.refine((d) => d <= latestToday(), rule('in_future', 'is in the future'));

export const linkPersonBody = z
  .strictObject({ personId: z.uuid(), role: z.enum(CASE_PERSON_ROLES) })
  .openapi('LinkPerson');
export type LinkPersonInput = z.infer<typeof linkPersonBody>;

export const createCaseBody = z
  .strictObject({
    externalId: text(200).optional(),
    openedOn: notFuture.optional(),
    ownerId: z.uuid().optional().openapi({ description: 'A user of your agency; you by default' }),
    htcdsStatus: pick('cas_Status').optional(),
    persons: z
      .array(linkPersonBody)
      .max(50)
      .refine(
        (l) => new Set(l.map((p) => p.personId)).size === l.length,
        rule('duplicate', 'lists a person twice'),
      )
      .optional(),
  })
  .openapi('CreateCase');
export type CreateCaseInput = z.infer<typeof createCaseBody>;

export const caseStatusBody = z
  .strictObject({
    status: z.enum(CASE_STATUSES),
    reason: text(4000).optional().openapi({ description: 'cas_ReasonForCaseClosure; required to close' }),
    htcdsStatus: pick('cas_Status').optional(),
  })
  .openapi('ChangeCaseStatus');
export type CaseStatusInput = z.infer<typeof caseStatusBody>;

export const caseListQuery = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.uuid().optional().openapi({ description: 'The id of the last case of the previous page' }),
});
