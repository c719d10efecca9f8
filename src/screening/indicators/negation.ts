import { z } from 'zod';
import type { IndicatorMatch, NormalizedText, Span } from '../types.ts';
import { describe, LexiconError } from './files.ts';
import { indicatorId, isoDate } from './schema.ts';

// Denied red flags (data/indicators/negation.json): "we never keep your passport", "no applicants
// under 18", "không tuyển lao động dưới 18 tuổi". A NegEx-style check (a cue within a few
// characters before or after the flag, in the same clause) on the post's `bare` text, run only on
// the matches of the indicators the file lists, so it costs the hot loop nothing for most posts.

export const NEGATION_FILE = 'negation.json';

const cue = z.string().trim().min(1).max(40);
const languageSchema = z.strictObject({
  window: z.number().int().min(1).max(64),
  spaceEndsClause: z.boolean().optional(),
  before: z.array(cue),
  after: z.array(cue),
  terminators: z.array(cue),
  /** phrases that hold a cue but deny nothing: "no problem", "không giới hạn", "ไม่จำกัด", "不限" */
  pseudo: z.array(cue),
});
const fileSchema = z.strictObject({
  version: z.number().int().min(1),
  updated: isoDate,
  note: z.string().min(1),
  indicators: z.array(indicatorId).min(1),
  languages: z.record(z.string().min(2).max(3), languageSchema),
});

type CueSet = {
  window: number;
  before: RegExp | undefined;
  after: RegExp | undefined;
  /** clause breaks: punctuation, a terminator word, and a space where it ends clauses (global) */
  breaks: RegExp;
  pseudo: RegExp | undefined;
};

export type NegationRules = {
  /** indicators a cue can deny */
  indicators: ReadonlySet<string>;
  cueSets: readonly CueSet[];
  /** the widest window, to cut one slice of text for every cue set */
  window: number;
};

const PUNCTUATION = '.!?;:,\\n\\r•·|()\\[\\]"“”，。！？；：、…။၊។៕';

/** How a cue is written: lower case, Latin diacritics removed (the post's `bare` text has them so). */
export function bareForm(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Latin cues are whole words; cues in scripts without spaces between words are substrings. */
function alternation(cues: readonly string[]): string {
  return cues
    .map((c) =>
      /[a-z]/.test(c) ? `(?<![\\p{L}\\p{N}'])${escapeRegex(c)}(?![\\p{L}\\p{N}])` : escapeRegex(c),
    )
    .join('|');
}

export function parseNegationRules(file: string, raw: unknown): NegationRules {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new LexiconError(`${file}: ${describe(parsed.error)}`);
  const cueSets: CueSet[] = [];
  for (const [lang, set] of Object.entries(parsed.data.languages)) {
    for (const c of [...set.before, ...set.after, ...set.terminators, ...set.pseudo]) {
      if (bareForm(c) !== c) {
        throw new LexiconError(
          `${file}: ${lang}: cue "${c}" must be written as "${bareForm(c)}" (lower case, no Latin diacritics)`,
        );
      }
    }
    const words = alternation(set.terminators);
    const breaks = `[${PUNCTUATION}${set.spaceEndsClause ? '\\s' : ''}]${words ? `|${words}` : ''}`;
    cueSets.push({
      window: set.window,
      before: set.before.length > 0 ? new RegExp(alternation(set.before), 'gu') : undefined,
      after: set.after.length > 0 ? new RegExp(alternation(set.after), 'gu') : undefined,
      breaks: new RegExp(breaks, 'gu'),
      pseudo: set.pseudo.length > 0 ? new RegExp(alternation(set.pseudo), 'gu') : undefined,
    });
  }
  return {
    indicators: new Set(parsed.data.indicators),
    cueSets,
    window: Math.max(0, ...cueSets.map((s) => s.window)),
  };
}

/** The index in n.text (and n.bare) of the first character at or after original index `at`. */
function textIndex(n: NormalizedText, at: number): number {
  let lo = 0;
  let hi = n.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((n.offsets[mid] ?? 0) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether a cue of `set` (its `before` or `after` list, `re`) in n.bare[from, to) denies: it lies
 * outside every span of the other matches and outside the set's pseudo-negations.
 */
function freeCue(
  re: RegExp,
  set: CueSet,
  n: NormalizedText,
  from: number,
  to: number,
  others: readonly Span[],
): boolean {
  const clause = n.bare.slice(from, to);
  const pseudo = set.pseudo ? [...clause.matchAll(set.pseudo)] : [];
  for (const found of clause.matchAll(re)) {
    if (pseudo.some((p) => p.index <= found.index && found.index < p.index + p[0].length)) continue;
    const at = n.offsets[from + found.index] ?? 0;
    // "no" of "no experience needed" belongs to that red flag and denies nothing else
    if (!others.some(([s, e]) => s <= at && at < e)) return true;
  }
  return false;
}

function denied(
  rules: NegationRules,
  n: NormalizedText,
  [start, end]: Span,
  others: readonly Span[],
): boolean {
  const from = textIndex(n, start);
  const to = textIndex(n, end);
  for (const set of rules.cueSets) {
    if (set.before) {
      const windowStart = Math.max(0, from - set.window);
      let clauseStart = windowStart;
      for (const cut of n.bare.slice(windowStart, from).matchAll(set.breaks))
        clauseStart = windowStart + cut.index + cut[0].length;
      if (freeCue(set.before, set, n, clauseStart, from, others)) return true;
    }
    if (set.after) {
      const windowEnd = Math.min(n.bare.length, to + set.window);
      set.breaks.lastIndex = 0;
      const cut = set.breaks.exec(n.bare.slice(to, windowEnd));
      if (freeCue(set.after, set, n, to, cut ? to + cut.index : windowEnd, others)) return true;
    }
  }
  return false;
}

/**
 * Drops the spans of listed indicators that a cue denies, and a match left with no span. Spans
 * are in original coordinates (as the matcher reports them).
 */
export function dropDenied(
  rules: NegationRules,
  n: NormalizedText,
  matches: IndicatorMatch[],
): IndicatorMatch[] {
  if (!matches.some((m) => rules.indicators.has(m.id))) return matches;
  const kept: IndicatorMatch[] = [];
  for (const m of matches) {
    if (!rules.indicators.has(m.id)) {
      kept.push(m);
      continue;
    }
    const others = matches.flatMap((o) => (o === m ? [] : o.spans));
    const spans = m.spans.filter((s) => !denied(rules, n, s, others));
    if (spans.length === m.spans.length) kept.push(m);
    else if (spans.length > 0) kept.push({ ...m, spans });
  }
  return kept;
}
