import { z } from '@hono/zod-openapi';
import { personRef } from './plans-schema.ts';

// Request and response shapes of the case timeline.

export const timelineQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().openapi({ description: 'nextCursor of the previous page' }),
  reads: z.enum(['true', 'false']).default('false').openapi({ description: 'Include audited reads' }),
});

const detailValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const timelineEntry = z
  .object({
    id: z.string().openapi({ description: 'Unique in the timeline: source:id' }),
    at: z.string(),
    source: z.string().openapi({
      description: 'case, link, note, activity, record, consent, withdrawal, assessment or audit',
    }),
    type: z
      .string()
      .openapi({ description: 'What happened, e.g. case.status, support_item.update, person.update' }),
    actor: z.object({ id: z.string().nullable(), username: z.string().nullable() }).nullable(),
    person: personRef.nullable(),
    recordType: z.string(),
    recordId: z.string(),
    detail: z.record(z.string(), detailValue).openapi({ description: 'Non-sensitive values of the change' }),
    text: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'A note body or task title, if you may see it' }),
    textStatus: z.enum(['shown', 'withheld', 'tampered']).optional(),
  })
  .openapi('TimelineEntry');

export const timelineResult = z.object({
  entries: z.array(timelineEntry),
  users: z.record(z.string(), z.object({ username: z.string(), displayName: z.string() })),
  nextCursor: z.string().nullable(),
});
