import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLines, inputChunks, splitLines } from './input-chunks.ts';

// Lines as Node's readline reads them (what `jaring screen` did before reading raw chunks).
async function readlineLines(text: string): Promise<string[]> {
  const lines: string[] = [];
  const input = Readable.from([Buffer.from(text)]);
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) lines.push(line);
  return lines;
}

const pieces = fc.constantFrom('a', 'é', 'ไทย', '{"text":"x"}', ' ', '\n', '\r', '\r\n', '\n\n');
const texts = fc.array(pieces, { maxLength: 40 }).map((p) => p.join(''));

/** The bytes of `text` as a stream of reads of the given sizes. */
function reads(bytes: Buffer, sizes: number[]): Array<AsyncIterable<Uint8Array>> {
  const parts: Buffer[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= bytes.length) break;
    parts.push(bytes.subarray(at, at + size));
    at += size;
  }
  if (at < bytes.length) parts.push(bytes.subarray(at));
  return [Readable.from(parts)];
}

describe('input lines', () => {
  it('splits and counts lines as readline does', async () => {
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        const expected = await readlineLines(text);
        expect(splitLines(text)).toEqual(expected);
        expect(countLines(Buffer.from(text))).toBe(expected.length);
      }),
    );
  });

  it('cuts a stream into chunks of whole lines, numbered across sources, however it is read', async () => {
    await fc.assert(
      fc.asyncProperty(
        texts,
        texts,
        fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 16 }),
        async (one, two, sizes, target) => {
          const sources = [...reads(Buffer.from(one), sizes), ...reads(Buffer.from(two), sizes)];
          const lines: string[] = [];
          for await (const chunk of inputChunks(sources, target)) {
            const text = Buffer.from(chunk.bytes).toString('utf8');
            const own = splitLines(text);
            expect(chunk.lines).toBe(own.length);
            expect(chunk.firstLine).toBe(lines.length + 1);
            // a chunk ends at a line break, except the last of its source
            lines.push(...own);
          }
          expect(lines).toEqual([...(await readlineLines(one)), ...(await readlineLines(two))]);
        },
      ),
    );
  });

  it('keeps at least the first `keep` bytes of an over-long line, and every line after it', async () => {
    await fc.assert(
      fc.asyncProperty(
        texts,
        fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 16 }),
        async (text, sizes, keep, target) => {
          // compared as bytes (latin1 maps each byte to one character)
          const lines: string[] = [];
          for await (const chunk of inputChunks(reads(Buffer.from(text), sizes), target, keep))
            lines.push(...splitLines(Buffer.from(chunk.bytes).toString('latin1')));
          const expected = (await readlineLines(text)).map((l) => Buffer.from(l).toString('latin1'));
          expect(lines.length).toBe(expected.length);
          lines.forEach((line, i) => {
            const whole = expected[i] ?? '';
            if (line !== whole) {
              expect(whole.length).toBeGreaterThan(keep);
              expect(line.length).toBeGreaterThanOrEqual(keep);
              expect(whole.startsWith(line)).toBe(true);
            }
          });
        },
      ),
    );
  });

  it('holds no more than `keep` bytes of an endless line', async () => {
    const endless = Array.from({ length: 100 }, () => Buffer.alloc(1000, 'x'));
    const chunks = [];
    for await (const chunk of inputChunks([Readable.from([...endless, Buffer.from('\nnext\n')])], 64, 5000))
      chunks.push(Buffer.from(chunk.bytes).toString('latin1'));
    expect(chunks.join('')).toBe(`${'x'.repeat(5000)}\nnext\n`);
  });

  it("drops a source's leading byte-order mark, and only that one", async () => {
    const bom = '\uFEFF';
    const sources = [
      Readable.from([Buffer.from(`${bom}{"text":"a"}\n`)]),
      Readable.from([Buffer.from(`${bom}b`)]),
    ];
    const chunks = [];
    for await (const chunk of inputChunks(sources)) chunks.push(Buffer.from(chunk.bytes).toString('utf8'));
    expect(chunks).toEqual(['{"text":"a"}\n', 'b']);
    const inner = [Readable.from([Buffer.from(`a\n${bom}b\n`)])];
    for await (const chunk of inputChunks(inner))
      expect(Buffer.from(chunk.bytes).toString('utf8')).toBe(`a\n${bom}b\n`);
  });

  it('gives each chunk a buffer of its own (it is moved to a worker thread)', async () => {
    const big = Buffer.alloc(64, 'x');
    big[10] = 0x0a;
    for await (const chunk of inputChunks([Readable.from([big])], 8)) {
      expect(chunk.bytes.byteOffset).toBe(0);
      expect(chunk.bytes.buffer.byteLength).toBe(chunk.bytes.length);
    }
  });
});
