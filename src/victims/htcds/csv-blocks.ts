// Cuts a CSV byte stream into blocks of whole records, so that worker threads can decode and parse
// them (csv.ts) while this thread only looks for line feeds and quotes. A block ends after a line
// feed outside quotes; the first block is the header record alone. Bytes 0x0A and 0x22 never occur
// inside a multi-byte UTF-8 character, so a cut is always between characters.
//
// This is a fast path, not a second parser: it is exact for well-formed CSV, and a file it cannot
// cut (a record larger than `maxRecordBytes`, such as a quote never closed) ends it with
// `CannotCut`. Whoever parses the blocks must check that each holds `records` records and fall back
// to reading the file in one thread (`csvRecords`) when one does not: that reading reports any
// problem exactly as it always does.

export type CsvBlock = {
  /** The row number of the block's first record, as a spreadsheet numbers rows (the header is 1). */
  firstRow: number;
  /** The records the cutter counted (line feeds outside quotes, and a last record without one). */
  records: number;
  /** The file's first block: a byte order mark here belongs to the file, not to a cell. */
  atStart: boolean;
  bytes: Uint8Array;
};

export class CannotCut extends Error {}

const LF = 10;
const QUOTE = 34;

export type BlockSizes = { records: number; bytes: number; maxRecordBytes: number };

export async function* csvBlocks(
  chunks: AsyncIterable<Uint8Array>,
  sizes: BlockSizes,
): AsyncGenerator<CsvBlock> {
  let parts: Uint8Array[] = [];
  let partBytes = 0; // bytes in `parts`
  let records = 0; // records ended in the block so far
  let firstRow = 1;
  let quoted = false;
  let sinceRecord = 0; // bytes since the last record's end
  const emit = (): CsvBlock => {
    // A buffer of its own (not a view of a read chunk), so that it can be transferred to a worker.
    const bytes = new Uint8Array(partBytes);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    const block = { firstRow, records, atStart: firstRow === 1, bytes };
    firstRow += records;
    parts = [];
    partBytes = 0;
    records = 0;
    return block;
  };
  for await (const chunk of chunks) {
    let from = 0; // the start of the chunk's bytes not yet in `parts`
    let i = 0;
    let nextQuote = -2; // the next quote at or after i (-1: none in this chunk; -2: not looked for)
    let nextLf = -2;
    let lastEnd = -1; // where the chunk's last record so far ended
    while (i < chunk.length) {
      if (nextQuote !== -1 && nextQuote < i) nextQuote = chunk.indexOf(QUOTE, i);
      if (quoted) {
        if (nextQuote === -1) break;
        quoted = false;
        i = nextQuote + 1;
        continue;
      }
      if (nextLf !== -1 && nextLf < i) nextLf = chunk.indexOf(LF, i);
      if (nextQuote !== -1 && (nextLf === -1 || nextQuote < nextLf)) {
        quoted = true;
        i = nextQuote + 1;
        continue;
      }
      if (nextLf === -1) break;
      i = nextLf + 1;
      records += 1;
      lastEnd = i;
      const full = firstRow === 1 || records >= sizes.records || partBytes + i - from >= sizes.bytes;
      if (!full) continue;
      parts.push(chunk.subarray(from, i));
      partBytes += i - from;
      from = i;
      yield emit();
    }
    if (from < chunk.length) {
      parts.push(chunk.subarray(from));
      partBytes += chunk.length - from;
    }
    sinceRecord = lastEnd < 0 ? sinceRecord + chunk.length : chunk.length - lastEnd;
    if (sinceRecord > sizes.maxRecordBytes) throw new CannotCut();
  }
  if (sinceRecord > 0) records += 1;
  if (partBytes > 0) yield emit();
}
