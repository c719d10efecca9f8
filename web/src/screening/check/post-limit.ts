// What POST /api/screen takes: a post of at most MAX_POST_BYTES in UTF-8 (src/screening/schema.ts).
// The field holds no more, so a long paste is cut here, with a message, instead of being refused
// by the server after sending.

export const MAX_POST_BYTES = 100 * 1024;

const encoder = new TextEncoder();
const buffer = new Uint8Array(MAX_POST_BYTES);

/** The longest start of `text` within the limit, never splitting a character; `cut` if shorter. */
export function fitPost(text: string): { text: string; cut: boolean } {
  // Under a third of the limit in UTF-16 code units cannot exceed it (at most 3 bytes each).
  if (text.length <= MAX_POST_BYTES / 3) return { text, cut: false };
  // encodeInto stops before a character that does not fit whole, so `read` ends on a boundary.
  const { read } = encoder.encodeInto(text, buffer);
  return read < text.length ? { text: text.slice(0, read), cut: true } : { text, cut: false };
}

/**
 * Rows for the post field: one per line, a long line as several of `perLine` characters, from
 * `min` to `max`. Reads only as far as `max` rows, so a post of any size costs the same; measuring
 * the text's real height (Mantine's autosize) lays out all of it on every keystroke.
 */
export function postRows(text: string, perLine: number, min: number, max: number): number {
  let rows = 0;
  let start = 0;
  while (rows < max && start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    rows += Math.max(1, Math.ceil((end - start) / Math.max(1, perLine)));
    if (newline === -1) break;
    start = newline + 1;
  }
  return Math.min(max, Math.max(min, rows));
}
