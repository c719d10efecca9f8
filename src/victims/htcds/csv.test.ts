import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine, csvRecords, FileProblem, utf8Text } from './csv.ts';

/** The pieces as a stream yields them, one read at a time. */
async function* stream<T>(pieces: readonly T[]): AsyncGenerator<T> {
  yield* pieces;
}

async function parse(pieces: string[]): Promise<string[][]> {
  const out: string[][] = [];
  for await (const r of csvRecords(stream(pieces))) out.push(r.cells);
  return out;
}

/** Every way of cutting the text in two: quotes, CR and LF split across reads. */
async function everySplit(text: string): Promise<string[][][]> {
  const results = [];
  for (let i = 0; i <= text.length; i++) results.push(await parse([text.slice(0, i), text.slice(i)]));
  return results;
}

describe('CSV reading', () => {
  it('reads RFC 4180: quoted commas, doubled quotes, line breaks in cells, CRLF or LF', async () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\n,,\n"",x,""\r\n';
    const expected = [
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\r\nlines'],
      ['', '', ''],
      ['', 'x', ''],
    ];
    for (const result of await everySplit(text)) expect(result).toEqual(expected);
    expect(await parse(['a,b\nc,d'])).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('refuses what it would have to guess at, naming the row and column', async () => {
    const bad: [string, RegExp][] = [
      ['a,b\nc,d"e\n', /row 2, column 2: a quote inside an unquoted cell/],
      ['a,b\n"c"d,e\n', /row 2, column 1: text after the closing quote/],
      ['a,b\nc,"d\n', /row 2, column 2: a quoted cell is never closed/],
      ['a,b\n\nc,d\n', /row 2: a blank line/],
    ];
    for (const [text, message] of bad) await expect(parse([text])).rejects.toThrow(message);
  });

  it('refuses broken UTF-8 and NUL bytes, and drops a byte order mark', async () => {
    const read = async (bytes: number[]) => {
      let text = '';
      for await (const t of utf8Text(stream([Uint8Array.from(bytes)]))) text += t;
      return text;
    };
    expect(await read([0xef, 0xbb, 0xbf, 0x61])).toBe('a');
    await expect(read([0x61, 0xe0, 0x80])).rejects.toThrow(FileProblem);
    await expect(read([0x61, 0x00])).rejects.toThrow(/NUL bytes/);
  });

  it('writes what it reads back exactly (any text)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        async (rows) => {
          const width = rows[0]?.length ?? 2;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          expect(await parse([table.map(csvLine).join('')])).toEqual(table);
        },
      ),
      { numRuns: 200 },
    );
  });
});
