import type { Exec } from '../db/database.ts';
import { listEntries, readTreeState, type SequencedEntry } from './repo.ts';

// Queries over the integrated log. Entries still queued (no seq yet) are not part of it.

export async function listAuditEntries(
  ex: Exec,
  { before, limit }: { before?: number; limit: number },
): Promise<{ entries: SequencedEntry[]; treeSize: number }> {
  const { size } = await readTreeState(ex);
  // Reading the size first: entries integrated in between are simply not shown.
  const entries = await listEntries(ex, Math.min(before ?? size, size), limit);
  return { entries, treeSize: size };
}
