import { ApiError, getJson, sendJson, withQuery } from '../../api.ts';
import { type AuditPage, auditPage, type Checkpoint, checkpoint } from './schema.ts';

export const pageSize = 50;

export const auditKeys = {
  entries: (before: string | undefined) => ['audit', 'entries', before ?? 'newest'] as const,
  latestCheckpoint: ['audit', 'checkpoint', 'latest'] as const,
};

export function listEntries(before: string | undefined): Promise<AuditPage> {
  return getJson(withQuery('/api/audit/entries', { before, limit: pageSize }), auditPage);
}

/** The latest signed checkpoint, or null before the first one exists (404). */
export async function fetchLatestCheckpoint(): Promise<Checkpoint | null> {
  try {
    return await getJson('/api/audit/checkpoints/latest', checkpoint);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function createCheckpoint(): Promise<Checkpoint> {
  return sendJson('POST', '/api/audit/checkpoints', {}, checkpoint);
}

/** The `before` cursor for the next older page: the smallest sequence number shown. */
export function olderCursor(page: AuditPage): string | undefined {
  if (page.entries.length < pageSize) return undefined;
  let smallest: bigint | undefined;
  for (const entry of page.entries) {
    if (entry.seq === null || entry.seq === undefined) continue;
    const seq = BigInt(entry.seq);
    if (smallest === undefined || seq < smallest) smallest = seq;
  }
  return smallest !== undefined && smallest > 0n ? smallest.toString() : undefined;
}
