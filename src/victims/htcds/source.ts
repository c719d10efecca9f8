import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvRecords, FileProblem, type RawRecord, utf8Text } from './csv.ts';
import { unescapeXlsx } from './ooxml.ts';

// Where an import's bytes come from (a file, or an upload held in memory), read as often as the
// import needs (it reads twice: to check, then to write), and turned into numbered records.

export type HtcdsFormat = 'csv' | 'xlsx';

export type HtcdsSource = {
  name: string;
  format: HtcdsFormat;
  bytes(): AsyncIterable<Uint8Array>;
  /** false when the bytes may differ from the first read (a file edited during the import). */
  unchanged(): boolean;
};

export function formatOfName(name: string): HtcdsFormat | undefined {
  const ext = extname(name).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : undefined;
}

export function fileSource(path: string): HtcdsSource {
  const format = formatOfName(path);
  if (!format) throw new FileProblem(`${basename(path)}: the file name must end in .csv or .xlsx`);
  let stat: { size: number; mtimeMs: number };
  try {
    stat = statSync(path);
  } catch {
    throw new FileProblem(`${path}: no such file`);
  }
  return {
    name: basename(path),
    format,
    bytes: () => createReadStream(path),
    unchanged: () => {
      const now = statSync(path);
      return now.size === stat.size && now.mtimeMs === stat.mtimeMs;
    },
  };
}

export function bufferSource(name: string, format: HtcdsFormat, data: Uint8Array): HtcdsSource {
  return {
    name,
    format,
    bytes: async function* () {
      yield data;
    },
    unchanged: () => true,
  };
}

const tooLarge = (max: number) =>
  new FileProblem(`The file is larger than the limit of ${max} bytes (JARING_HTCDS_MAX_BYTES).`, 413);

/** The source's bytes, refusing a file over `max` bytes as they pass. */
export async function* capped(chunks: AsyncIterable<Uint8Array>, max: number) {
  let seen = 0;
  for await (const chunk of chunks) {
    seen += chunk.length;
    if (seen > max) throw tooLarge(max);
    yield chunk;
  }
}

/** The SHA-256 and size of the source's bytes (for the audit log), refusing a file over `max`. */
export async function digestOf(source: HtcdsSource, max: number): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of source.bytes()) {
    bytes += chunk.length;
    if (bytes > max) throw tooLarge(max);
    hash.update(chunk);
  }
  return { sha256: hash.digest('hex'), bytes };
}

const PK = [0x50, 0x4b, 0x03, 0x04];

/**
 * The whole workbook, checked to start as a ZIP archive (an XLSX file is one). Held in memory (it is
 * compressed, and capped) so that exceljs reads a complete buffer and no error can arise inside it.
 */
async function workbookBytes(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  const bytes = Buffer.concat(parts);
  if (bytes.length === 0) throw new FileProblem('The file is empty.');
  if (!PK.every((b, i) => bytes[i] === b)) {
    throw new FileProblem(
      'The file is not an XLSX workbook (it is not a ZIP archive); save it as .xlsx or .csv.',
    );
  }
  return bytes;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A worksheet cell as text: what a CSV cell holding the same value would say. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return unescapeXlsx(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText
        .map((r: unknown) => (r && typeof r === 'object' && 'text' in r ? String(r.text) : ''))
        .join('');
    }
    if ('error' in value) throw new FileProblem(`a cell holds the spreadsheet error ${String(value.error)}`);
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return cellText(value.text);
  }
  throw new FileProblem('a cell holds a value that is not text, a number, a date or TRUE/FALSE');
}

async function* xlsxRecords(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<RawRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([await workbookBytes(chunks)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let width = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? Array.from(row.values).slice(1) : [];
        let cells: string[];
        try {
          cells = values.map(cellText);
        } catch (err) {
          if (err instanceof FileProblem) throw new FileProblem(`Row ${row.number}: ${err.message}.`);
          throw err;
        }
        if (width === 0) width = cells.length;
        while (cells.length < width) cells.push('');
        while (cells.length > width && cells.at(-1) === '') cells.pop();
        yield { row: row.number, cells };
      }
      return; // the first worksheet is the data
    }
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    throw new FileProblem(
      `The file is not a readable XLSX workbook (${err instanceof Error ? err.message : String(err)}).`,
    );
  }
}

/** The source's records, numbered as a spreadsheet numbers its rows (the header is row 1). */
export function readRecords(source: HtcdsSource, maxBytes: number): AsyncGenerator<RawRecord> {
  const bytes = capped(source.bytes(), maxBytes);
  return source.format === 'csv' ? csvRecords(utf8Text(bytes)) : xlsxRecords(bytes);
}
