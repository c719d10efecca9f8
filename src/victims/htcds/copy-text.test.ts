import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { copyRows } from './copy-text.ts';
import { insertManyQueries } from './repo.ts';
import { PendingSeal } from './seal-pool.ts';
import { type BatchWriter, createBatchWriter } from './write-thread.ts';

// Rows sent as COPY text by the writer thread are stored exactly as the same rows sent as one JSON
// parameter (json_populate_recordset, the main thread's way): any text, arrays, numbers, booleans,
// dates, timestamps and nulls.

let t: TestDatabase;
let writer: BatchWriter;
beforeAll(async () => {
  t = await createTestDatabase();
  writer = createBatchWriter(t.url);
  for (const table of ['copy_probe', 'json_probe'])
    await sql`create table ${sql.table(table)} (
      id int primary key, t text, a text[], b boolean, n smallint, f float8, d date, ts timestamptz
    )`.execute(t.db);
  await sql`create table copy_child (id int primary key, parent int not null references copy_probe (id))`.execute(
    t.db,
  );
});
afterAll(async () => {
  await writer?.close();
  await t?.close();
});

const COLUMNS = ['id', 't', 'a', 'b', 'n', 'f', 'd', 'ts'];
type Probe = {
  id: number;
  t: string | null;
  a: (string | null)[] | null;
  b: boolean | null;
  n: number | null;
  f: number | null;
  d: string | null;
  ts: Date | null;
};

// Text that COPY or an array literal treats specially, among arbitrary text (no NUL: PostgreSQL
// text cannot hold it).
const tricky = fc
  .array(
    fc.oneof(
      fc.constantFrom('\\', '\t', '\n', '\r', '\\.', '\\N', '"', '{', '}', ',', 'NULL', ' ', '\v', 'ก', '😀'),
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join('').replaceAll('\u0000', ''));

const probe = (id: number): fc.Arbitrary<Probe> =>
  fc.record({
    id: fc.constant(id),
    t: fc.option(tricky),
    a: fc.option(fc.array(fc.option(tricky), { maxLength: 4 })),
    b: fc.option(fc.boolean()),
    n: fc.option(fc.integer({ min: -32768, max: 32767 })),
    f: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })),
    d: fc
      .option(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }))
      .map((d) => d?.toISOString().slice(0, 10) ?? null),
    ts: fc.option(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })),
  });

/** Text as it reaches the database: a lone surrogate becomes U+FFFD in UTF-8. */
const stored = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

describe('COPY text (writer thread)', () => {
  it('stores any row exactly as the JSON parameter does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 5 })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => probe(i)))),
        async (rows) => {
          await sql`truncate copy_probe, json_probe cascade`.execute(t.db);
          await writer.write([copyRows('copy_probe', COLUMNS, rows)]);
          for (const q of insertManyQueries(t.db, 'json_probe' as never, rows as never))
            await t.db.executeQuery(q);
          const differ = await sql<{ n: number }>`select count(*)::int as n from (
            (table copy_probe except table json_probe) union all (table json_probe except table copy_probe)
          ) x`.execute(t.db);
          expect(differ.rows[0]?.n).toBe(0);
          const back = await sql<{ id: number; t: string | null; a: (string | null)[] | null }>`
            select id, t, a from copy_probe order by id`.execute(t.db);
          expect(back.rows).toEqual(
            rows.map((r) => ({
              id: r.id,
              t: r.t === null ? null : stored(r.t),
              a: r.a?.map((e) => (e === null ? null : stored(e))) ?? null,
            })),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('writes a value with toJSON (a sealed placeholder, a Date) as what it returns, and an absent column as null', async () => {
    await sql`truncate copy_probe cascade`.execute(t.db);
    const sealed = new PendingSeal();
    sealed.value = 'jf1.k.abc';
    const keys = new PendingSeal();
    keys.value = ['k1', 'k"2'];
    await writer.write([
      copyRows('copy_probe', COLUMNS, [{ id: 1, t: sealed, a: keys, ts: new Date('2026-11-24T10:00:00Z') }]),
    ]);
    const row = await sql<
      Record<string, unknown>
    >`select *, ts = '2026-11-24T10:00:00Z' as at from copy_probe`.execute(t.db);
    expect(row.rows).toEqual([
      {
        id: 1,
        t: 'jf1.k.abc',
        a: ['k1', 'k"2'],
        b: null,
        n: null,
        f: null,
        d: null,
        ts: expect.any(Date),
        at: true,
      },
    ]);
  });

  it('refuses a value it cannot write as it would be read: unsealed, an object, not finite', () => {
    expect(() => copyRows('copy_probe', ['t'], [{ t: new PendingSeal() }])).toThrow(/before it was sealed/);
    expect(() => copyRows('copy_probe', ['t'], [{ t: { a: 1 } }])).toThrow(/copy_probe\.t: an object/);
    expect(() => copyRows('copy_probe', ['f'], [{ f: Number.NaN }])).toThrow(/not a finite number/);
    expect(() => copyRows('copy_probe', ['a'], [{ a: [true] }])).toThrow(/array element/);
  });

  it("fails the batch with the database's error when it refuses a COPY, writes none of it, and writes the next batch", async () => {
    await sql`truncate copy_probe cascade`.execute(t.db);
    const failed = writer.write([
      copyRows('copy_probe', ['id', 't'], [{ id: 7, t: 'kept?' }]),
      copyRows('copy_child', ['id', 'parent'], [{ id: 1, parent: 6 }]),
    ]);
    await expect(failed).rejects.toMatchObject({ code: '23503' });
    await writer.write([copyRows('copy_probe', ['id', 't'], [{ id: 8, t: 'next' }])]);
    const rows = await sql<{ id: number }>`select id from copy_probe order by id`.execute(t.db);
    expect(rows.rows).toEqual([{ id: 8 }]);
  });
});
