// The timeline's order and cursor. Entries come from several sources; each is ordered by
// (atMs desc, source desc, id desc), so ties at one millisecond are broken the same way on every
// page. A SQL source is asked only for what lies below the cursor in that order. Pure.

export type Position = { atMs: number; source: string; id: string };

/** Negative when `a` comes first (is newer). */
export function compareEntries(a: Position, b: Position): number {
  if (a.atMs !== b.atMs) return b.atMs - a.atMs;
  if (a.source !== b.source) return a.source < b.source ? 1 : -1;
  if (a.id !== b.id) return a.id < b.id ? 1 : -1;
  return 0;
}

/** After the cursor (not yet shown). */
export const isAfter = (entry: Position, cursor: Position | undefined) =>
  cursor === undefined || compareEntries(cursor, entry) < 0;

/**
 * What a SQL source ordered by (atMs desc, id desc) must return to continue after `cursor`:
 * entries strictly below (atMs, id). `lowest` is an id below every id of the source.
 */
export function belowFor(
  cursor: Position | undefined,
  source: string,
  lowest: string,
): { atMs: number; id: string } | undefined {
  if (cursor === undefined) return undefined;
  if (source === cursor.source) return { atMs: cursor.atMs, id: cursor.id };
  // A later source sorts first at equal time: its entries at cursor.atMs were shown already.
  if (source > cursor.source) return { atMs: cursor.atMs, id: lowest };
  return { atMs: cursor.atMs + 1, id: lowest };
}

export const LOWEST_UUID = '00000000-0000-0000-0000-000000000000';

/** Audit ids are bigints: zero-padded so that text order is numeric order. */
export const auditKey = (id: string) => id.padStart(20, '0');

export function encodeCursor(p: Position): string {
  return Buffer.from(JSON.stringify([p.atMs, p.source, p.id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The position a cursor names, if it is well-formed and of a known source. */
export function decodeCursor(text: string, sources: Record<string, 'uuid' | 'serial'>): Position | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return undefined;
    const [atMs, source, id] = value;
    if (!Number.isSafeInteger(atMs) || typeof source !== 'string' || typeof id !== 'string') return undefined;
    const kind = Object.hasOwn(sources, source) ? sources[source] : undefined;
    if (kind === undefined || !(kind === 'uuid' ? UUID : /^\d{20}$/).test(id)) return undefined;
    return { atMs, source, id };
  } catch {
    return undefined;
  }
}
