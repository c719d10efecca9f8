// RFC 4180 CSV, strictly: a file that is not well-formed is refused with the row and what is wrong,
// never guessed at. Records may span lines inside quotes; CRLF or LF ends a record.

export class FileProblem extends Error {
  constructor(
    message: string,
    /** 413 for a file over the cap; 400 for anything malformed. */
    readonly status: 400 | 413 = 400,
  ) {
    super(message);
  }
}

export type RawRecord = { row: number; cells: string[] };

const QUOTE = 34;

/**
 * Checked UTF-8 text, in pieces: refuses broken UTF-8 and NUL characters, drops a leading BOM
 * (`atStart`: the bytes are the file's first; a later block of it keeps a U+FEFF as text).
 */
export async function* utf8Text(chunks: AsyncIterable<Uint8Array>, atStart = true): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let offset = 0;
  let first = atStart;
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new FileProblem(`The file is not valid UTF-8 text (a broken byte sequence near byte ${offset}).`);
    }
    offset += chunk.length;
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text.includes('\u0000'))
      throw new FileProblem('The file contains NUL bytes: it is binary, not CSV text.');
    if (text !== '') yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  } catch {
    throw new FileProblem('The file is not valid UTF-8 text (it ends inside a character).');
  }
}

/**
 * Records of a CSV text stream, numbered as a spreadsheet numbers rows (the header is row 1).
 * A blank line between records is an error (HTCDS has no empty records); a final newline is not.
 */
export async function* csvRecords(text: AsyncIterable<string>, firstRow = 1): AsyncGenerator<RawRecord> {
  let cells: string[] = [];
  let cell = '';
  let started = false; // the record has begun (a cell, a comma or a quote seen)
  let quoted = false; // inside a quoted cell
  let quoteAtEnd = false; // inside a quoted cell, a quote ended the last piece: closing or doubled?
  let closed = false; // a quoted cell has closed: only a comma or a line end may follow
  let crAtEnd = false; // the last piece ended with CR: skip an LF that starts the next
  let row = firstRow;
  const problem = (what: string) =>
    new FileProblem(`Malformed CSV at row ${row}, column ${cells.length + 1}: ${what}.`);
  const endRecord = (): RawRecord => {
    cells.push(cell);
    const record = { row, cells };
    row += 1;
    cells = [];
    cell = '';
    started = false;
    closed = false;
    return record;
  };
  for await (const piece of text) {
    let i = 0;
    if (crAtEnd) {
      crAtEnd = false;
      if (piece.charCodeAt(0) === 10) i = 1;
    }
    if (quoteAtEnd) {
      quoteAtEnd = false;
      if (piece.charCodeAt(i) === QUOTE) {
        cell += '"';
        i += 1;
      } else {
        quoted = false;
        closed = true;
      }
    }
    while (i < piece.length) {
      if (quoted) {
        const q = piece.indexOf('"', i);
        if (q < 0) {
          cell += piece.slice(i);
          break;
        }
        cell += piece.slice(i, q);
        if (q + 1 === piece.length) {
          quoteAtEnd = true;
          break;
        }
        if (piece.charCodeAt(q + 1) === QUOTE) {
          cell += '"';
          i = q + 2;
        } else {
          quoted = false;
          closed = true;
          i = q + 1;
        }
        continue;
      }
      const ch = piece.charCodeAt(i);
      if (ch === 44) {
        cells.push(cell);
        cell = '';
        started = true;
        closed = false;
        i += 1;
      } else if (ch === 10 || ch === 13) {
        if (!started)
          throw new FileProblem(`Malformed CSV at row ${row}: a blank line (every row needs its cells).`);
        yield endRecord();
        if (ch === 13) {
          if (i + 1 === piece.length) crAtEnd = true;
          else if (piece.charCodeAt(i + 1) === 10) i += 1;
        }
        i += 1;
      } else if (closed) {
        throw problem(
          'text after the closing quote of a quoted cell (a quote inside a cell must be doubled)',
        );
      } else if (ch === QUOTE) {
        if (cell !== '')
          throw problem('a quote inside an unquoted cell (quote the whole cell and double the quote)');
        quoted = true;
        started = true;
        i += 1;
      } else {
        const next = nextSpecial(piece, i);
        cell += piece.slice(i, next);
        started = true;
        i = next;
      }
    }
  }
  if (quoteAtEnd) {
    quoted = false;
    closed = true;
  }
  if (quoted) throw problem('a quoted cell is never closed');
  if (started) yield endRecord();
}

/** The records of one block of CSV bytes (csv-blocks.ts), numbered from `firstRow`. */
export function blockRecords(
  bytes: Uint8Array,
  atStart: boolean,
  firstRow: number,
): AsyncGenerator<RawRecord> {
  return csvRecords(
    utf8Text(
      (async function* () {
        yield bytes;
      })(),
      atStart,
    ),
    firstRow,
  );
}

function nextSpecial(s: string, from: number): number {
  for (let j = from; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 44 || c === 10 || c === 13 || c === QUOTE) return j;
  }
  return s.length;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV record, CRLF-terminated (RFC 4180); cells are quoted only when they must be. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((c) => (NEEDS_QUOTES.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')}\r\n`;
}
