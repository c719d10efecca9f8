import type { IndicatorCategory, IndicatorMatch, NormalizedText, Span } from '../types.ts';
import { buildAutomaton } from './automaton.ts';
import type { Lexicon } from './load.ts';
import { toOriginalSpan } from './spans.ts';
import { buildStream, CLASS, phraseStream, type Stream, streamString, WORD } from './stream.ts';

export type IndicatorMatcher = {
  /** One pass of the automaton over the post, plus the few regexes. */
  match(n: NormalizedText): IndicatorMatch[];
  /** The naive baseline: every phrase as its own RegExp, in a loop. Same results, for benchmarks. */
  matchNaive(n: NormalizedText): IndicatorMatch[];
  /** Every phrase of every language, as written in the lexicons. */
  phrases(): string[];
};

type Indicator = { id: string; category: IndicatorCategory; reason: string };
/** One way a normalised phrase can match: which indicator, at what weight, with which boundaries. */
type Occurrence = { indicator: number; weight: number; length: number; startBoundary: boolean; endBoundary: boolean };
type Rule = { indicator: number; weight: number; regex: RegExp };
/** Raw hits, collected in text coordinates. */
type Hits = { indicator: number[]; weight: number[]; start: number[]; end: number[] };

export function createIndicatorMatcher(lexicon: Lexicon): IndicatorMatcher {
  const indicators: Indicator[] = [];
  const indexOf = new Map<string, number>();
  const keyOf = new Map<string, number>();
  const keys: string[] = [];
  const occurrences: Occurrence[][] = [];
  const rules: Rule[] = [];
  const allPhrases: string[] = [];

  for (const entry of lexicon.entries) {
    let indicator = indexOf.get(entry.id);
    if (indicator === undefined) {
      indicator = indicators.length;
      indexOf.set(entry.id, indicator);
      indicators.push({ id: entry.id, category: entry.category, reason: lexicon.reasons.get(entry.id) ?? entry.id });
    }
    for (const phrase of entry.phrases) {
      allPhrases.push(phrase);
      const key = phraseStream(phrase);
      let k = keyOf.get(key);
      if (k === undefined) {
        k = keys.length;
        keyOf.set(key, k);
        keys.push(key);
        occurrences.push([]);
      }
      const list = occurrences[k] ?? [];
      if (list.some((o) => o.indicator === indicator)) {
        for (const o of list) if (o.indicator === indicator) o.weight = Math.max(o.weight, entry.weight);
        continue;
      }
      list.push({
        indicator,
        weight: entry.weight,
        length: key.length,
        startBoundary: CLASS[key.charCodeAt(0)] === WORD,
        endBoundary: CLASS[key.charCodeAt(key.length - 1)] === WORD,
      });
    }
    for (const source of entry.regexes) {
      rules.push({ indicator, weight: entry.weight, regex: new RegExp(source, 'gu') });
    }
  }

  const automaton = buildAutomaton(keys);
  let naiveRegexes: RegExp[] | undefined;

  const hits: Hits = { indicator: [], weight: [], start: [], end: [] };
  const reset = () => {
    hits.indicator.length = 0;
    hits.weight.length = 0;
    hits.start.length = 0;
    hits.end.length = 0;
  };

  /** Records phrase `key` ending at stream index `end` if its word boundaries hold. */
  const record = (stream: Stream, text: string, key: number, end: number) => {
    const list = occurrences[key];
    if (!list) return;
    const { codes, pos, length } = stream;
    for (const o of list) {
      const start = end - o.length + 1;
      if (o.startBoundary && start > 0 && CLASS[codes[start - 1] ?? 0] === WORD) continue;
      if (o.endBoundary && end + 1 < length && CLASS[codes[end + 1] ?? 0] === WORD) continue;
      let textEnd = (pos[end] ?? 0) + 1;
      // a decomposed diacritic, or the second half of ํา, belongs to the last letter
      while (textEnd < text.length && isTrailing(text.charCodeAt(textEnd))) textEnd++;
      hits.indicator.push(o.indicator);
      hits.weight.push(o.weight);
      hits.start.push(pos[start] ?? 0);
      hits.end.push(textEnd);
    }
  };

  const runRules = (n: NormalizedText) => {
    for (const rule of rules) {
      const re = rule.regex;
      re.lastIndex = 0;
      for (let m = re.exec(n.bare); m !== null; m = re.exec(n.bare)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        hits.indicator.push(rule.indicator);
        hits.weight.push(rule.weight);
        hits.start.push(m.index);
        hits.end.push(m.index + m[0].length);
      }
    }
  };

  const collect = (n: NormalizedText): IndicatorMatch[] => {
    const byIndicator = new Map<number, { weight: number; spans: Span[] }>();
    for (let h = 0; h < hits.indicator.length; h++) {
      const indicator = hits.indicator[h] ?? 0;
      const span = toOriginalSpan(n, hits.start[h] ?? 0, hits.end[h] ?? 0);
      const found = byIndicator.get(indicator);
      if (found) {
        found.weight = Math.max(found.weight, hits.weight[h] ?? 0);
        found.spans.push(span);
      } else byIndicator.set(indicator, { weight: hits.weight[h] ?? 0, spans: [span] });
    }
    reset();
    const results: IndicatorMatch[] = [];
    for (const [indicator, found] of byIndicator) {
      const meta = indicators[indicator];
      if (!meta) continue;
      results.push({
        id: meta.id,
        category: meta.category,
        weight: found.weight,
        reasonKey: `screening.indicators.${meta.id}`,
        reason: meta.reason,
        spans: outermost(found.spans),
      });
    }
    return dropContainedWithinCategory(results).sort(
      (a, b) => b.weight - a.weight || (a.spans[0]?.[0] ?? 0) - (b.spans[0]?.[0] ?? 0) || a.id.localeCompare(b.id),
    );
  };

  return {
    match(n) {
      reset();
      const stream = buildStream(n.text, n.bare);
      automaton.scan(stream.codes, stream.length, (key, end) => record(stream, n.text, key, end));
      runRules(n);
      return collect(n);
    },
    matchNaive(n) {
      reset();
      naiveRegexes ??= keys.map((key) => new RegExp(escapeRegex(key), 'g'));
      const stream = buildStream(n.text, n.bare);
      const s = streamString(stream);
      naiveRegexes.forEach((re, key) => {
        re.lastIndex = 0;
        for (let m = re.exec(s); m !== null; m = re.exec(s)) {
          record(stream, n.text, key, m.index + m[0].length - 1);
          re.lastIndex = m.index + 1; // overlapping occurrences too, as the automaton reports them
        }
      });
      runRules(n);
      return collect(n);
    },
    phrases: () => [...allPhrases],
  };
}

function isTrailing(c: number): boolean {
  return (c >= 0x300 && c <= 0x36f) || c === 0x0e32 || c === 0x0eb2;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Sorted spans without duplicates and without spans inside another span. */
export function outermost(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const kept: Span[] = [];
  let reach = -1;
  for (const span of sorted) {
    if (span[1] <= reach) continue;
    kept.push(span);
    reach = span[1];
  }
  return kept;
}

function containedIn(span: Span, sortedSpans: Span[]): boolean {
  // sortedSpans are outermost(): starts and ends both increase, so one binary search suffices
  let lo = 0;
  let hi = sortedSpans.length - 1;
  let candidate = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sortedSpans[mid]?.[0] ?? 0) <= span[0]) {
      candidate = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const outer = sortedSpans[candidate];
  return outer !== undefined && outer[1] >= span[1] && outer[1] - outer[0] > span[1] - span[0];
}

/**
 * Within one category, a span inside a longer span of another indicator is not a second reason:
 * "lương cao" inside "việc nhẹ lương cao" is reported once, as light work for high pay.
 */
function dropContainedWithinCategory(results: IndicatorMatch[]): IndicatorMatch[] {
  const byCategory = new Map<IndicatorCategory, IndicatorMatch[]>();
  for (const r of results) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  const kept: IndicatorMatch[] = [];
  for (const group of byCategory.values()) {
    if (group.length === 1) {
      kept.push(...group);
      continue;
    }
    for (const r of group) {
      const spans = r.spans.filter((span) => !group.some((other) => other !== r && containedIn(span, other.spans)));
      if (spans.length > 0) kept.push({ ...r, spans });
    }
  }
  return kept;
}
