import { z } from '@hono/zod-openapi';
import { text } from '../../platform/http/fields.ts';

// Request and response shapes of case notes (HTCDS cco_CaseComment). Notes are never edited.

export const createNoteBody = z.strictObject({ body: text(20_000) }).openapi('CreateCaseNote');
export type CreateNoteInput = z.infer<typeof createNoteBody>;

export const notesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.uuid().optional().openapi({ description: 'The id of the last note of the previous page' }),
});

export const noteOut = z
  .object({
    id: z.string(),
    caseId: z.string(),
    authorId: z.string().nullable(),
    body: z.string().nullable(),
    bodyStatus: z.enum(['shown', 'withheld', 'tampered']).openapi({ description: 'Caseworkers see bodies' }),
    createdAt: z.string(),
  })
  .openapi('CaseNote');

export const noteResult = z.object({ note: noteOut });
export const noteList = z.object({ notes: z.array(noteOut), nextCursor: z.string().nullable() });
