import { KEEP_LINE_BYTES, UTF8_BOM } from '../input.ts';

// Splits stored UTF-8 bytes into lines exactly as `jaring screen` reads a file (node:readline with
// crlfDelay ∞: "\n", "\r\n" or a lone "\r" ends a line; a last line without one still counts),
// and says where each line ends, so a run can stop at any line and resume at that byte.

export type Line = { text: string; end: number };

const LF = 0x0a;
const CR = 0x0d;

// ignoreBOM: a U+FEFF inside the data stays, as readline keeps it; only the upload's own is skipped.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The lines of `chunks`, whose first byte is byte `start` of the upload (a line boundary).
 * A UTF-8 byte order mark at byte 0 is skipped.
 */
export async function* readLines(chunks: AsyncIterable<Uint8Array>, start: number): AsyncGenerator<Line> {
  let parts: Uint8Array[] = [];
  let kept = 0;
  let pendingCR = false;
  let offset = start;
  // Bytes of a leading byte order mark matched so far (it may straddle chunks); 3 when settled.
  let bom = start === 0 ? 0 : UTF8_BOM.length;
  const take = (bytes: Uint8Array) => {
    if (bytes.length === 0 || kept >= KEEP_LINE_BYTES) return;
    const room = KEEP_LINE_BYTES - kept;
    parts.push(bytes.length > room ? bytes.subarray(0, room) : bytes);
    kept += Math.min(bytes.length, room);
  };
  const finish = (end: number): Line => {
    const text = decoder.decode(parts.length === 1 ? parts[0] : Buffer.concat(parts));
    parts = [];
    kept = 0;
    return { text, end };
  };

  for await (const chunk of chunks) {
    let from = 0;
    while (bom < UTF8_BOM.length && from < chunk.length) {
      if (chunk[from] !== UTF8_BOM[bom]) {
        take(Uint8Array.from(UTF8_BOM.slice(0, bom))); // not a mark after all: those bytes are text
        bom = UTF8_BOM.length;
        break;
      }
      bom += 1;
      from += 1;
    }
    if (pendingCR) {
      // A "\r" ended the previous chunk: a "\n" here belongs to it.
      pendingCR = false;
      if (chunk[0] === LF) from = 1;
      yield finish(offset + from);
    }
    let cr = chunk.indexOf(CR, from);
    let i = from;
    while (i < chunk.length) {
      if (cr !== -1 && cr < i) cr = chunk.indexOf(CR, i);
      const lf = chunk.indexOf(LF, i);
      const at = cr === -1 ? lf : lf === -1 ? cr : Math.min(lf, cr);
      if (at === -1) break;
      take(chunk.subarray(i, at));
      if (chunk[at] === LF) {
        i = at + 1;
      } else if (at + 1 === chunk.length) {
        pendingCR = true;
        i = chunk.length;
        break;
      } else {
        i = chunk[at + 1] === LF ? at + 2 : at + 1;
      }
      yield finish(offset + i);
    }
    if (!pendingCR) take(chunk.subarray(i));
    offset += chunk.length;
  }
  if (bom > 0 && bom < UTF8_BOM.length) take(Uint8Array.from(UTF8_BOM.slice(0, bom)));
  if (pendingCR || kept > 0) yield finish(offset);
}

/** `jaring screen` skips blank JSON Lines lines (they keep their number) and screens every text line. */
export function isScreened(line: string, format: 'jsonl' | 'text'): boolean {
  return format === 'text' || line.trim() !== '';
}
