import { type Narrative, narrativeValue } from './narrative.ts';
import type { NoteRow } from './notes-repo.ts';

export type ViewedNote = { row: NoteRow; body: Narrative };

export function presentNote(n: ViewedNote) {
  return {
    id: n.row.id,
    caseId: n.row.case_id,
    authorId: n.row.author_id,
    body: narrativeValue(n.body),
    bodyStatus: n.body.status,
    createdAt: n.row.created_at.toISOString(),
  };
}
