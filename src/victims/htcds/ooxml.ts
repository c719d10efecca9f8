// OOXML text escaping (ECMA-376 Part 1, §22.4.2.4 ST_Xstring): a character XML cannot carry (control
// characters, and CR, which XML turns into LF) is written _xHHHH_, and a literal "_xHHHH_" is
// protected as _x005F_xHHHH_. Excel writes and reads cells this way; without it an XLSX round trip
// would lose them.

const LITERAL = /_x([0-9A-Fa-f]{4})_/g;

/** Below U+0020, all but tab and line feed. */
const needsEscape = (code: number) => code < 0x20 && code !== 0x09 && code !== 0x0a;

export function escapeXlsx(text: string): string {
  let out = text.includes('_x') ? text.replace(LITERAL, '_x005F_x$1_') : text;
  let escaped = '';
  let from = 0;
  for (let i = 0; i < out.length; i++) {
    const code = out.charCodeAt(i);
    if (!needsEscape(code)) continue;
    escaped += `${out.slice(from, i)}_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
    from = i + 1;
  }
  if (from > 0) out = escaped + out.slice(from);
  return out;
}

export function unescapeXlsx(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(LITERAL, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
