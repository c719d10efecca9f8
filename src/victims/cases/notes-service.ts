import { randomUUID } from 'node:crypto';
import { type AuditEvent, appendAuditBatch } from '../../platform/audit/append.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Principal } from '../../platform/http/policy.ts';
import { fieldContext } from '../encrypted-columns.ts';
import { maySeeCaseNarratives } from '../policy.ts';
import { actorOf, type VictimsContext } from '../service.ts';
import { requireVisibleCase } from './access.ts';
import { recordCaseRead, recordCaseWrite } from './activity.ts';
import { openNarrative } from './narrative.ts';
import type { ViewedNote } from './notes-presenters.ts';
import { insertNote, listNotes, type NoteRow } from './notes-repo.ts';
import type { CreateNoteInput } from './notes-schema.ts';

// Case notes: written once, encrypted (AAD case_comments.body:<id>), bodies for caseworkers only.
// The note's own row is its history: the timeline reads case_comments, so no case_activity row.

export function viewNote(cipher: FieldCipher, principal: Principal, row: NoteRow): ViewedNote {
  const at = { table: 'case_comments', column: 'body_enc', id: row.id };
  return { row, body: openNarrative(cipher, maySeeCaseNarratives(principal.roles), at, row.body_enc) };
}

export function noteTamperEvents(principal: Principal, notes: readonly ViewedNote[]): AuditEvent[] {
  return notes
    .filter((n) => n.body.status === 'tampered')
    .map((n) => ({
      actor: actorOf(principal),
      action: 'case_note.tamper_detected',
      recordType: 'case_note',
      recordId: n.row.id,
      change: { tampered: ['body'] },
    }));
}

export async function addNote(ctx: VictimsContext, caseId: string, input: CreateNoteInput) {
  return ctx.db.transaction().execute(async (tx) => {
    await requireVisibleCase(tx, ctx.principal, caseId);
    const id = randomUUID();
    const row = await insertNote(tx, {
      id,
      agency_id: ctx.principal.agencyId,
      case_id: caseId,
      author_id: ctx.principal.userId,
      body_enc: ctx.cipher.encrypt(input.body, fieldContext('case_comments', 'body_enc', id)),
    });
    await recordCaseWrite(tx, ctx, {
      caseId,
      action: 'case_note.create',
      recordType: 'case_note',
      recordId: id,
      change: { caseId, authorId: row.author_id, bodyEnc: row.body_enc },
    });
    return viewNote(ctx.cipher, ctx.principal, row);
  });
}

export async function listCaseNotes(
  ctx: VictimsContext,
  caseId: string,
  query: { limit: number; cursor?: string },
) {
  return ctx.db.transaction().execute(async (tx) => {
    await requireVisibleCase(tx, ctx.principal, caseId);
    const rows = await listNotes(tx, caseId, { limit: query.limit + 1, afterId: query.cursor });
    const page = rows.slice(0, query.limit).map((row) => viewNote(ctx.cipher, ctx.principal, row));
    await recordCaseRead(tx, ctx, caseId, 'case_note.list', { notes: page.map((n) => n.row.id) });
    await appendAuditBatch(tx, noteTamperEvents(ctx.principal, page));
    const last = page.at(-1);
    return { notes: page, nextCursor: rows.length > query.limit && last ? last.row.id : null };
  });
}
