import * as z from 'zod/mini';
import type { ScreenAnswer } from './schema.ts';

// A file of posts read in the browser: JSON Lines (one object with a "text" field, or one JSON
// string, per line) or plain text (one post per line). Blank lines are skipped. Only the first
// `max` posts are kept; the server-side batch endpoint is for more.

export type PostInput = {
  text: string;
  id?: string;
  country?: string;
  lang?: string;
  url?: string;
  postedAt?: string;
};

export type LineProblem = 'invalid_json' | 'no_text';

export type FileLine = { line: number; input: PostInput } | { line: number; problem: LineProblem };

export type ParsedFile = {
  lines: FileLine[];
  /** non-blank lines in the whole file */
  total: number;
  format: 'jsonl' | 'text';
};

const jsonPost = z.object({
  text: z.string(),
  id: z.optional(z.union([z.string(), z.number()])),
  country: z.optional(z.string()),
  lang: z.optional(z.string()),
  url: z.optional(z.string()),
  postedAt: z.optional(z.string()),
});

export function parsePostFile(name: string, content: string, max: number): ParsedFile {
  const raw = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const numbered = raw.flatMap((text, i) => (text.trim() ? [{ text, line: i + 1 }] : []));
  const first = numbered[0]?.text.trimStart() ?? '';
  const format = /\.(jsonl|ndjson|json)$/i.test(name) || first.startsWith('{') ? 'jsonl' : 'text';
  const kept = numbered.slice(0, max);
  const lines =
    format === 'jsonl'
      ? kept.map(({ text, line }) => parseJsonLine(text, line))
      : kept.map(({ text, line }) => ({ line, input: { text } }));
  return { lines, total: numbered.length, format };
}

function parseJsonLine(text: string, line: number): FileLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { line, problem: 'invalid_json' };
  }
  if (typeof value === 'string')
    return value.trim() ? { line, input: { text: value } } : { line, problem: 'no_text' };
  const parsed = jsonPost.safeParse(value);
  if (!parsed.success || !parsed.data.text.trim()) return { line, problem: 'no_text' };
  const { text: post, id, country, lang, url, postedAt } = parsed.data;
  return {
    line,
    input: {
      text: post,
      ...(id !== undefined && { id: String(id) }),
      ...(country && { country: country.toUpperCase() }),
      ...(lang && { lang: lang.toLowerCase() }),
      ...(url && { url }),
      ...(postedAt && { postedAt }),
    },
  };
}

/** One line of an uploaded file as the browser screens it. */
export type BulkRow = {
  line: number;
  text: string;
  state: 'waiting' | 'done' | 'failed';
  answer?: ScreenAnswer;
  error?: string;
};

/** The first `max` UTF-16 code units and an ellipsis, never splitting a surrogate pair. */
export function excerptOf(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return `${text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max)}…`;
}
