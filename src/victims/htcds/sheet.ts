import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvLine } from './csv.ts';
import { escapeXlsx } from './ooxml.ts';
import type { HtcdsFormat } from './source.ts';

// Writing rows of text cells as CSV (RFC 4180, UTF-8, CRLF) or as an XLSX worksheet "HTCDS" whose
// cells are all text (inline strings, never formulas; escaped as OOXML requires), so a cell reads
// back exactly as written and a value such as "=1+1" or "+8491…" stays text in a spreadsheet.

export type SheetWriter = { row(cells: readonly string[]): Promise<void>; close(): Promise<void> };

/** Writes to `out`, passing every byte written to `seen` (for the file's digest). */
export function sheetWriter(format: HtcdsFormat, out: Writable, seen: (chunk: Buffer) => void): SheetWriter {
  const tap = new PassThrough();
  tap.on('data', (chunk: Buffer) => seen(chunk));
  tap.pipe(out);
  const finished = once(out, 'finish');
  if (format === 'csv') {
    return {
      async row(cells) {
        if (!tap.write(csvLine(cells), 'utf8')) await once(tap, 'drain');
      },
      async close() {
        tap.end();
        await finished;
      },
    };
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: tap,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('HTCDS', { views: [{ state: 'frozen', ySplit: 1 }] });
  return {
    async row(cells) {
      sheet.addRow(cells.map((c) => (c === '' ? null : escapeXlsx(c)))).commit();
    },
    async close() {
      sheet.commit();
      await workbook.commit();
      await finished;
    },
  };
}
