// Bulk input as lines, the way Node's readline splits them: a line ends at "\r\n", "\n" or a lone
// "\r"; a last line without a break is still a line; an empty input has none. The CLI's main thread
// reads raw bytes, cuts them into chunks of whole lines and counts them (countLines, for line
// numbers); a worker thread decodes a chunk and splits it (splitLines). "\r" and "\n" never occur
// inside a UTF-8 sequence, so both agree on the same bytes.

import { KEEP_LINE_BYTES, UTF8_BOM } from './input.ts';

const LF = 0x0a;
const CR = 0x0d;

/** The lines of `text`. */
export function splitLines(text: string): string[] {
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  // a break at the end closes the last line; it does not open another (and '' has no line)
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The number of lines splitLines finds in the UTF-8 text `bytes`. */
export function countLines(bytes: Uint8Array): number {
  if (bytes.indexOf(CR) !== -1) return splitLines(Buffer.from(bytes).toString('utf8')).length;
  let count = 0;
  for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) count++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== LF ? count + 1 : count;
}

export type InputChunk = {
  /** whole lines of one source (its last one may lack a line break), in a buffer of their own */
  bytes: Uint8Array;
  /** line number of the first line, counted over all sources from 1 */
  firstLine: number;
  lines: number;
};

/**
 * Cuts byte streams into chunks of about `target` bytes of whole lines, numbered across sources.
 * A source's leading UTF-8 byte-order mark is dropped. A line longer than `target` makes a chunk of
 * its own (cut to `keep` bytes); bytes are joined and searched for a line break only when a read
 * brings one, so a long line costs linear time.
 */
export async function* inputChunks(
  sources: Iterable<AsyncIterable<Uint8Array>>,
  target = 128 * 1024,
  keep = KEEP_LINE_BYTES,
): AsyncGenerator<InputChunk> {
  let line = 1;
  const emit = (bytes: Uint8Array): InputChunk => {
    const chunk = { bytes, firstLine: line, lines: countLines(bytes) };
    line += chunk.lines;
    return chunk;
  };
  for (const source of sources) {
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let sinceLF = 0; // bytes of pending after its last "\n" (chunks are cut there)
    let lineBytes = 0; // bytes of the line being read (after the last "\n" or "\r")
    let skipping = false; // inside a line already cut to `keep` bytes
    let first = true;
    const joined = () =>
      pending.length === 1 ? (pending[0] as Uint8Array) : Buffer.concat(pending, pendingBytes);
    const take = (all: Uint8Array, end: number): Uint8Array => {
      const from = first && end >= 3 && UTF8_BOM.every((b, i) => all[i] === b) ? 3 : 0;
      first = false;
      const own = new Uint8Array(end - from); // a buffer of its own, to be moved to a worker
      own.set(all.subarray(from, end));
      return own;
    };
    for await (const chunk of source) {
      let read: Uint8Array = chunk;
      if (skipping) {
        const lf = read.indexOf(LF);
        const cr = read.indexOf(CR);
        const at = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
        if (at === -1) continue;
        skipping = false;
        read = read.subarray(at);
      }
      pending.push(read);
      pendingBytes += read.length;
      const lastLF = read.lastIndexOf(LF);
      sinceLF = lastLF === -1 ? sinceLF + read.length : read.length - lastLF - 1;
      const lastBreak = Math.max(lastLF, read.lastIndexOf(CR));
      lineBytes = lastBreak === -1 ? lineBytes + read.length : read.length - lastBreak - 1;
      if (lineBytes > keep) {
        // the line being read is over-long: emit the lines before it, keep its start, skip the rest
        const all = joined();
        const split = all.length - lineBytes;
        if (split > 0) yield emit(take(all, split));
        pending = [all.subarray(split, split + keep)];
        pendingBytes = keep;
        sinceLF = keep;
        lineBytes = keep;
        skipping = true;
        continue;
      }
      if (pendingBytes < target || lastLF === -1) continue;
      const all = joined();
      const end = all.length - sinceLF;
      const whole = take(all, end);
      pending = sinceLF > 0 ? [all.subarray(end)] : [];
      pendingBytes = sinceLF;
      if (whole.length > 0) yield emit(whole);
    }
    if (pendingBytes > 0) {
      const all = joined();
      const rest = take(all, all.length);
      if (rest.length > 0) yield emit(rest);
    }
  }
}
