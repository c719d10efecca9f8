import { z } from 'zod';
import type { ScreenInput } from './types.ts';

// One post of a bulk input (a JSON Lines line, or a plain text line), validated. A bad line gives
// an error message for that line only; the run goes on.

export const MAX_LINE_BYTES = 1024 * 1024;
/**
 * Readers of raw bytes keep only this many bytes of a line: more is over MAX_LINE_BYTES UTF-16 units
 * whatever it holds (UTF-8 takes at most 3 bytes a unit), so parseLine refuses the line as too long,
 * and a file of one endless line cannot exhaust memory.
 */
export const KEEP_LINE_BYTES = 3 * MAX_LINE_BYTES + 4;
/** A UTF-8 byte-order mark, which readers of raw bytes drop at the start of a file. */
export const UTF8_BOM: readonly number[] = [0xef, 0xbb, 0xbf];

/** A post's language hint, as POST /api/screen takes it. */
export const langField = z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as vi or fil');
/** When the post was published: stored with its alert, so a date the database would refuse is refused here. */
export const postedAtField = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date and time, such as 2026-11-01T10:00:00+07:00',
});

const ID_ERROR = 'must be a string of at most 200 characters or a number';

// Exporters often write an absent field as null: it reads as absent.
const lineSchema = z.object({
  text: z
    .string({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be a string') })
    .refine((s) => s.trim().length > 0, 'is empty')
    .refine((s) => !s.includes('\u0000'), 'contains NUL'),
  id: z.union([z.string().max(200, ID_ERROR), z.number()], { error: ID_ERROR }).nullish(),
  country: z
    .string({ error: 'must be a two-letter country code' })
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')
    .nullish(),
  lang: langField.nullish(),
  url: z.string({ error: 'must be a string' }).max(2048, 'must be at most 2,048 characters').nullish(),
  postedAt: postedAtField.nullish(),
});

export type ParsedLine = { ok: true; input: ScreenInput } | { ok: false; id: string | null; error: string };

function idOf(value: unknown): string | null {
  if (typeof value === 'object' && value !== null && 'id' in value) {
    const id = value.id;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return null;
}

export function parseLine(line: string, format: 'jsonl' | 'text', lineNo: number): ParsedLine {
  const fallbackId = String(lineNo);
  if (line.length > MAX_LINE_BYTES)
    return { ok: false, id: fallbackId, error: `line ${lineNo} is over 1 MB` };
  if (format === 'text') {
    if (line.trim() === '') return { ok: false, id: fallbackId, error: `line ${lineNo}: empty text` };
    return { ok: true, input: { id: fallbackId, text: line } };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { ok: false, id: fallbackId, error: `line ${lineNo}: not valid JSON` };
  }
  const parsed = lineSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(line)';
    return {
      ok: false,
      id: idOf(raw) ?? fallbackId,
      error: `line ${lineNo}: ${where} ${issue?.message ?? 'is invalid'}`,
    };
  }
  const { id, country, lang, url, postedAt, text } = parsed.data;
  return {
    ok: true,
    input: {
      text,
      id: id == null ? fallbackId : String(id),
      ...(country ? { country: country.toUpperCase() } : {}),
      ...(lang ? { lang } : {}),
      ...(url != null ? { url } : {}),
      ...(postedAt ? { postedAt } : {}),
    },
  };
}
