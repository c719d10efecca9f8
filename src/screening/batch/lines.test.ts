import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES } from '../input.ts';
import { isScreened, type Line, readLines } from './lines.ts';

// The batch reader must see the lines `jaring screen` sees (node:readline), wherever the stored
// chunks happen to split the bytes, and resume from any line's end.

async function viaReadline(bytes: Uint8Array): Promise<string[]> {
  const lines: string[] = [];
  const input = Readable.from([Buffer.from(bytes)]);
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) lines.push(line);
  return lines;
}

async function* split(bytes: Uint8Array, cuts: number[]) {
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut > at) yield bytes.subarray(at, cut);
    at = Math.max(at, cut);
  }
  if (at < bytes.length) yield bytes.subarray(at);
}

async function read(bytes: Uint8Array, cuts: number[] = [], start = 0): Promise<Line[]> {
  const out: Line[] = [];
  for await (const line of readLines(split(bytes.subarray(start), cuts), start)) out.push(line);
  return out;
}

// U+FEC0 starts with the byte order mark's first two bytes (EF BB 80), so it is text, not a mark.
const piece = fc.constantFrom(
  'a',
  'ä',
  'ဗ',
  '😀',
  ' ',
  '\n',
  '\r',
  '\r\n',
  '{"text":"x"}',
  '\uFEFF',
  '\uFEC0',
);

describe('readLines', () => {
  it('splits as node:readline does, wherever the chunks are cut, and ends each line where the next starts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 40 }),
        fc.array(fc.nat(200), { maxLength: 6 }),
        async (pieces, cuts) => {
          const text = pieces.join('');
          const bytes = Buffer.from(text, 'utf8');
          // readline keeps a leading BOM; the batch skips the upload's own.
          const expected = await viaReadline(bytes.subarray(text.startsWith('\uFEFF') ? 3 : 0));
          const lines = await read(bytes, cuts);
          expect(lines.map((l) => l.text)).toEqual(expected);
          if (lines.length > 0) expect(lines.at(-1)?.end).toBe(bytes.length);
          // Resuming at any line's end gives the rest.
          for (const [i, line] of lines.entries()) {
            const rest = await read(bytes, cuts, line.end);
            expect(rest.map((l) => l.text)).toEqual(expected.slice(i + 1));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps only the start of a line too long to screen, and still finds the next one', async () => {
    const long = 'x'.repeat(4 * MAX_LINE_BYTES);
    const bytes = Buffer.from(`${long}\nnext\n`, 'utf8');
    const lines = await read(bytes, [1000, 2_000_000, 4_000_000]);
    expect(lines.map((l) => l.text.length)).toEqual([3 * MAX_LINE_BYTES + 4, 4]);
    expect(lines[0]?.text.length).toBeGreaterThan(MAX_LINE_BYTES);
    expect(lines[1]).toEqual({ text: 'next', end: bytes.length });
  });

  it('skips blank JSON Lines lines, as the CLI does, but screens every text line', () => {
    expect(isScreened('  ', 'jsonl')).toBe(false);
    expect(isScreened('{}', 'jsonl')).toBe(true);
    expect(isScreened('', 'text')).toBe(true);
  });
});
