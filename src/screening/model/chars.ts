// Per-code-unit lookup tables, built once: character classes and diacritic stripping.

export const OTHER = 0;
export const LETTER = 1;
export const DIGIT = 2;
export const SPACE = 3;

let classes: Uint8Array | undefined;

/** Class of every UTF-16 code unit: letters and marks, decimal digits (any script), whitespace, other. */
export function charClasses(): Uint8Array {
  if (classes) return classes;
  const table = new Uint8Array(65536);
  const letter = /[\p{L}\p{M}]/u;
  const digit = /\p{Nd}/u;
  const space = /[\s\u200b]/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (letter.test(ch)) table[c] = LETTER;
    else if (digit.test(ch)) table[c] = DIGIT;
    else if (space.test(ch)) table[c] = SPACE;
  }
  classes = table;
  return table;
}

const BARE_LIMIT = 0x1f00;
let bareTable: Uint16Array | undefined;

/** Maps each code unit below U+1F00 to its letter without diacritics (ệ → e, đ → d); others map to themselves. */
export function bareTableOf(): Uint16Array {
  if (bareTable) return bareTable;
  const table = new Uint16Array(BARE_LIMIT);
  for (let c = 0; c < BARE_LIMIT; c++) {
    table[c] = c;
    if (c < 0xc0) continue;
    const base = String.fromCharCode(c).normalize('NFD');
    const first = base.charCodeAt(0);
    if (base.length > 1 && first < 0x80) table[c] = first;
  }
  table[0x0111] = 0x64; // đ
  table[0x0110] = 0x44; // Đ
  bareTable = table;
  return table;
}

/** `text` with Latin diacritics removed letter by letter; same length as `text`. */
export function stripDiacritics(text: string): string {
  const table = bareTableOf();
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c < BARE_LIMIT ? (table[c] ?? c) : c;
    if (b !== c) changed = true;
    out += String.fromCharCode(b);
  }
  return changed ? out : text;
}

const streamTables = new Map<string, Uint16Array>();

/**
 * Maps each code unit to what the character n-gram stream holds for it: whitespace → space,
 * decimal digits → 0 (when folding), letters → their bare form (when stripping diacritics).
 */
export function streamTable(bare: boolean, foldDigits: boolean): Uint16Array {
  const key = `${bare}:${foldDigits}`;
  const cached = streamTables.get(key);
  if (cached) return cached;
  const classes = charClasses();
  const bareMap = bareTableOf();
  const table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    const cls = classes[c];
    if (cls === SPACE) table[c] = 0x20;
    else if (cls === DIGIT && foldDigits) table[c] = 0x30;
    else table[c] = bare && c < bareMap.length ? (bareMap[c] ?? c) : c;
  }
  streamTables.set(key, table);
  return table;
}
