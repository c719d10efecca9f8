import { type Insertable, type Selectable, sql } from 'kysely';
import type { Exec } from '../../platform/db/database.ts';
import type { CaseCommentsTable } from '../tables.ts';

// SQL on case notes (HTCDS case comments, migration 0005). Notes are never changed.

export type NoteRow = Selectable<CaseCommentsTable>;

export async function insertNote(tx: Exec, values: Insertable<CaseCommentsTable>): Promise<NoteRow> {
  return tx.insertInto('case_comments').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Newest first, after the note `afterId` of the previous page. */
export async function listNotes(
  db: Exec,
  caseId: string,
  options: { limit: number; afterId?: string },
): Promise<NoteRow[]> {
  let query = db.selectFrom('case_comments').selectAll().where('case_id', '=', caseId);
  if (options.afterId) {
    query = query.where(
      sql<boolean>`(created_at, id) < (select n.created_at, n.id from case_comments n where n.id = ${options.afterId})`,
    );
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

const AT_MS = sql<string>`(extract(epoch from date_trunc('milliseconds', created_at)) * 1000)::bigint`;

/** For the timeline: strictly below (atMs, id) in the order (atMs desc, id desc). */
export async function listNotesBelow(
  db: Exec,
  caseId: string,
  options: { below?: { atMs: number; id: string }; limit: number },
): Promise<(NoteRow & { atMs: number })[]> {
  const below = options.below
    ? sql`and (${AT_MS}, id) < (${options.below.atMs}::bigint, ${options.below.id}::uuid)`
    : sql``;
  const { rows } = await sql<NoteRow & { at_ms: string }>`
    select *, ${AT_MS} as at_ms from case_comments where case_id = ${caseId} ${below}
    order by ${AT_MS} desc, id desc limit ${options.limit}`.execute(db);
  return rows.map(({ at_ms, ...row }) => ({ ...row, atMs: Number(at_ms) }));
}
