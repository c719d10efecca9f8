import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockRecords, csvLine, csvRecords, type RawRecord, utf8Text } from './csv.ts';
import { type BlockSizes, CannotCut, type CsvBlock, csvBlocks } from './csv-blocks.ts';

async function* stream<T>(pieces: readonly T[]): AsyncGenerator<T> {
  yield* pieces;
}

/** The bytes cut into reads at the given offsets. */
const readsOf = (bytes: Uint8Array, cuts: number[]) => {
  const at = [0, ...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length];
  return at.slice(1).map((end, i) => bytes.subarray(at[i], end));
};

async function blocksOf(bytes: Uint8Array, cuts: number[], sizes: BlockSizes): Promise<CsvBlock[]> {
  const blocks: CsvBlock[] = [];
  for await (const block of csvBlocks(stream(readsOf(bytes, cuts)), sizes)) blocks.push(block);
  return blocks;
}

async function wholeRecords(bytes: Uint8Array): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const r of csvRecords(utf8Text(stream([bytes])))) out.push(r);
  return out;
}

async function recordsOfBlocks(blocks: CsvBlock[]): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for (const b of blocks) {
    const mine: RawRecord[] = [];
    for await (const r of blockRecords(b.bytes, b.atStart, b.firstRow)) mine.push(r);
    expect(mine.length, `block from row ${b.firstRow}`).toBe(b.records);
    out.push(...mine);
  }
  return out;
}

const cell = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', '"', '""', 'a,b', 'two\r\nlines', 'a\nb', '\r', '\uFEFFx', 'ไทย, "ok"', 'x'),
);

describe('cutting CSV bytes into blocks of records', () => {
  it('cuts between records only: the blocks read as the whole file reads (any text, any reads)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\r\n', '\n'),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.record({ records: fc.integer({ min: 1, max: 4 }), bytes: fc.integer({ min: 1, max: 200 }) }),
        async (rows, eol, bom, finalEol, cuts, size) => {
          const width = rows[0]?.length ?? 2;
          const lines = rows.map((r) => csvLine(Array.from({ length: width }, (_, i) => r[i] ?? '')));
          let text = lines.map((l) => l.replace(/\r\n$/, eol)).join('');
          if (!finalEol) text = text.slice(0, -eol.length);
          const bytes = Buffer.from((bom ? '\uFEFF' : '') + text);
          const blocks = await blocksOf(bytes, cuts, { ...size, maxRecordBytes: 1 << 20 });
          expect(Buffer.concat(blocks.map((b) => b.bytes))).toEqual(bytes);
          expect(blocks[0]?.records).toBe(1); // the header alone
          expect(blocks.map((b) => b.atStart)).toEqual(blocks.map((_, i) => i === 0));
          expect(await recordsOfBlocks(blocks)).toEqual(await wholeRecords(bytes));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives each block a buffer of its own, so that it can be handed to a worker', async () => {
    const bytes = Buffer.from('a,b\r\n1,2\r\n3,4\r\n5,6\r\n');
    const blocks = await blocksOf(bytes, [7, 12], { records: 2, bytes: 1 << 20, maxRecordBytes: 1 << 20 });
    expect(blocks.map((b) => [b.firstRow, b.records])).toEqual([
      [1, 1],
      [2, 2],
      [4, 1],
    ]);
    for (const b of blocks) expect(b.bytes.byteLength).toBe(b.bytes.buffer.byteLength);
  });

  it('stops at a record larger than the limit, such as a quote never closed', async () => {
    const bytes = Buffer.from(`a,b\n1,"never closed\n${'x,y\n'.repeat(100)}`);
    await expect(
      blocksOf(bytes, [10, 50, 200], { records: 2, bytes: 1 << 20, maxRecordBytes: 64 }),
    ).rejects.toThrow(CannotCut);
  });

  it('counts records a parser does not agree with, so that the file is read in one thread instead', async () => {
    const sizes = { records: 10, bytes: 1 << 20, maxRecordBytes: 1 << 20 };
    // CR alone ends a record for the parser; the cutter sees one record.
    const crOnly = await blocksOf(Buffer.from('a,b\n1,2\r3,4\r5,6\n'), [], sizes);
    await expect(recordsOfBlocks(crOnly)).rejects.toThrow(/expected 3 to be 1/);
    // A blank line or a stray quote: the block's parser refuses it.
    for (const text of ['a,b\n1,2\n\n3,4\n', 'a,b\n1,2"\n3,4\n']) {
      const [, block] = await blocksOf(Buffer.from(text), [], sizes);
      const read = async () => {
        for await (const _ of blockRecords(block?.bytes ?? new Uint8Array(), false, 2));
      };
      await expect(read()).rejects.toThrow(/Malformed CSV at row/);
    }
  });
});
