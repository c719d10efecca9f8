import { describe, expect, it } from 'vitest';
import {
  auditKey,
  belowFor,
  compareEntries,
  decodeCursor,
  encodeCursor,
  isAfter,
  LOWEST_UUID,
  type Position,
} from './timeline-order.ts';
import { SOURCES } from './timeline-sources.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

describe('timeline order', () => {
  it('sorts newest first, then by source, then by id (descending)', () => {
    const entries: Position[] = [
      { atMs: 1, source: 'note', id: uuid(1) },
      { atMs: 2, source: 'activity', id: uuid(1) },
      { atMs: 2, source: 'note', id: uuid(1) },
      { atMs: 2, source: 'note', id: uuid(2) },
      { atMs: 2, source: 'audit', id: auditKey('10') },
      { atMs: 2, source: 'audit', id: auditKey('9') },
    ];
    const sorted = [...entries].sort(compareEntries);
    expect(sorted.map((e) => `${e.atMs}/${e.source}/${e.id.slice(-2)}`)).toEqual([
      '2/note/02',
      '2/note/01',
      '2/audit/10',
      '2/audit/09',
      '2/activity/01',
      '1/note/01',
    ]);
  });

  it('translates a cursor into what each SQL source must return, so ties neither repeat nor vanish', () => {
    const cursor: Position = { atMs: 100, source: 'note', id: uuid(5) };
    expect(belowFor(undefined, 'note', LOWEST_UUID)).toBeUndefined();
    expect(belowFor(cursor, 'note', LOWEST_UUID)).toEqual({ atMs: 100, id: uuid(5) });
    // At one millisecond, 'record' (> 'note') comes before the cursor, 'activity' after it.
    expect(belowFor(cursor, 'record', LOWEST_UUID)).toEqual({ atMs: 100, id: LOWEST_UUID });
    expect(belowFor(cursor, 'activity', LOWEST_UUID)).toEqual({ atMs: 101, id: LOWEST_UUID });
    // The same answer as filtering in memory:
    const sameMs = (source: string, n: number): Position => ({ atMs: 100, source, id: uuid(n) });
    expect(isAfter(sameMs('record', 9), cursor)).toBe(false);
    expect(isAfter(sameMs('activity', 9), cursor)).toBe(true);
    expect(isAfter(sameMs('note', 4), cursor)).toBe(true);
    expect(isAfter(sameMs('note', 6), cursor)).toBe(false);
  });

  it('round-trips cursors and refuses forged or unknown ones', () => {
    const p: Position = { atMs: 1_717_171_717_171, source: 'audit', id: auditKey('42') };
    expect(decodeCursor(encodeCursor(p), SOURCES)).toEqual(p);
    const bad = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(decodeCursor('not-base64-json', SOURCES)).toBeUndefined();
    expect(decodeCursor(bad([1, 'nowhere', uuid(1)]), SOURCES)).toBeUndefined();
    expect(decodeCursor(bad([1, 'audit', uuid(1)]), SOURCES)).toBeUndefined();
    expect(decodeCursor(bad([1, 'note', "1' or 1=1"]), SOURCES)).toBeUndefined();
    expect(decodeCursor(bad([1.5, 'note', uuid(1)]), SOURCES)).toBeUndefined();
    expect(decodeCursor(bad(['1', 'note', uuid(1)]), SOURCES)).toBeUndefined();
    expect(decodeCursor(bad([1, 'note', uuid(1)]), SOURCES)).toEqual({
      atMs: 1,
      source: 'note',
      id: uuid(1),
    });
  });
});
