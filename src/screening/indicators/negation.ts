import { z } from 'zod';
import { matchesWithin } from '../text/window.ts';
import { type IndicatorMatch, LANGS, type NormalizedText, type Span } from '../types.ts';
import { alternation, checkBareCues } from './cues.ts';
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
  languages: z.partialRecord(z.enum(LANGS), languageSchema),
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
};

const PUNCTUATION = '.!?;:,\\n\\r•·|()\\[\\]"“”，。！？；：、…။၊។៕';

export function parseNegationRules(file: string, raw: unknown): NegationRules {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new LexiconError(`${file}: ${describe(parsed.error)}`);
  const cueSets: CueSet[] = [];
  for (const [lang, set] of Object.entries(parsed.data.languages)) {
    checkBareCues(file, lang, [...set.before, ...set.after, ...set.terminators, ...set.pseudo]);
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
  return { indicators: new Set(parsed.data.indicators), cueSets };
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
 * Which original positions lie inside a match's span: `count[i]` matches cover position i. A cue
 * inside another red flag belongs to it ("no" of "no experience needed") and denies nothing.
 */
type Cover = { count: Int32Array; own: readonly Span[] };

/** A match's spans (sorted by start) merged where they overlap. */
function union(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const [s, e] of spans) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function coverOf(spansOf: readonly (readonly Span[])[], length: number): Int32Array {
  const count = new Int32Array(length + 1);
  for (const spans of spansOf) {
    for (const [s, e] of spans) {
      count[s] = (count[s] ?? 0) + 1;
      count[e] = (count[e] ?? 0) - 1;
    }
  }
  for (let i = 1; i <= length; i++) count[i] = (count[i] ?? 0) + (count[i - 1] ?? 0);
  return count;
}

/** Whether position `at` lies in one of `spans` (sorted, not overlapping). */
function inSpans(spans: readonly Span[], at: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = spans[mid] ?? [0, 0];
    if (at < s) hi = mid - 1;
    else if (at >= e) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Whether a cue of `set` (its `before` or `after` list, `re`) in n.bare[from, to) denies: it lies
 * outside the set's pseudo-negations and outside every other red flag.
 */
function freeCue(
  re: RegExp,
  set: CueSet,
  n: NormalizedText,
  from: number,
  to: number,
  cover: Cover,
): boolean {
  const pseudo = set.pseudo ? matchesWithin(set.pseudo, n.bare, from, to) : [];
  for (const [start] of matchesWithin(re, n.bare, from, to)) {
    if (pseudo.some(([s, e]) => s <= start && start < e)) continue;
    const at = n.offsets[start] ?? 0;
    const others = (cover.count[at] ?? 0) - (inSpans(cover.own, at) ? 1 : 0);
    if (others === 0) return true;
  }
  return false;
}

function denied(sets: readonly CueSet[], n: NormalizedText, [start, end]: Span, cover: Cover): boolean {
  const from = textIndex(n, start);
  const to = textIndex(n, end);
  for (const set of sets) {
    if (set.before) {
      // the clause begins after the last break in the window
      const windowStart = Math.max(0, from - set.window);
      const cut = matchesWithin(set.breaks, n.bare, windowStart, from).at(-1);
      if (freeCue(set.before, set, n, cut ? cut[1] : windowStart, from, cover)) return true;
    }
    if (set.after) {
      // and ends at the first break after the flag
      const windowEnd = Math.min(n.bare.length, to + set.window);
      const cut = matchesWithin(set.breaks, n.bare, to, windowEnd)[0];
      if (freeCue(set.after, set, n, to, cut ? cut[0] : windowEnd, cover)) return true;
    }
  }
  return false;
}

/**
 * Drops the spans of listed indicators that a cue denies, and a match left with no span. Spans
 * are in original coordinates, each match's sorted by start (as the matcher reports them).
 */
export function dropDenied(
  rules: NegationRules,
  n: NormalizedText,
  matches: IndicatorMatch[],
): IndicatorMatch[] {
  if (!matches.some((m) => rules.indicators.has(m.id))) return matches;
  // only the languages whose cues the post holds at all (String.search ignores lastIndex)
  const sets = rules.cueSets.filter(
    (set) => (set.before && n.bare.search(set.before) >= 0) || (set.after && n.bare.search(set.after) >= 0),
  );
  if (sets.length === 0) return matches;
  const merged = matches.map((m) => union(m.spans));
  const count = coverOf(merged, n.original.length);
  const kept: IndicatorMatch[] = [];
  for (const [i, m] of matches.entries()) {
    if (!rules.indicators.has(m.id)) {
      kept.push(m);
      continue;
    }
    const cover = { count, own: merged[i] ?? [] };
    const spans = m.spans.filter((s) => !denied(sets, n, s, cover));
    if (spans.length === m.spans.length) kept.push(m);
    else if (spans.length > 0) kept.push({ ...m, spans });
  }
  return kept;
}
