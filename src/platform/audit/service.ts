import type { Exec } from '../db/database.ts';
import { listEntries, readTreeState, type SequencedEntry } from './repo.ts';
import type { EntriesQuery } from './schema.ts';

// Queries over the integrated log. Entries still queued (no seq yet) are not part of it.

/**
 * Entries a filtered request reads at most, below its `before`, when no index leads to the
 * matches (a record's entries are found by `audit_entries_record`; an action, record type or actor
 * by reading the log backwards, which stops as soon as a page is full): a rare action in a long
 * log is found a stretch at a time, each page answering in bounded time (~75 ms for a stretch
 * read for nothing, bench/RESULTS.md), and `nextBefore` says where the next stretch starts.
 */
export const SEARCH_STRETCH = 200_000;

export type AuditEntriesPage = { entries: SequencedEntry[]; treeSize: number; nextBefore: number | null };

export async function listAuditEntries(
  ex: Exec,
  q: EntriesQuery,
  stretch = SEARCH_STRETCH,
): Promise<AuditEntriesPage> {
  const { size } = await readTreeState(ex);
  // Reading the size first: entries integrated in between are simply not shown.
  const before = Math.min(q.before ?? size, size);
  const scansLog = q.recordId === undefined && (q.action ?? q.recordType ?? q.actor) !== undefined;
  const floor = scansLog ? Math.max(0, before - stretch) : 0;
  const entries = await listEntries(ex, before, q.limit, q, floor);
  const last = entries.at(-1);
  const full = entries.length === q.limit && last !== undefined;
  const next = full ? last.seq : floor;
  return { entries, treeSize: size, nextBefore: next > 0 ? next : null };
}
