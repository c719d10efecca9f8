import { toOriginalSpan } from '../text/normalize.ts';
import {
  INDICATOR_CATEGORIES,
  type IndicatorCategory,
  type IndicatorMatch,
  type NormalizedText,
  type Span,
} from '../types.ts';
import { buildAutomaton } from './automaton.ts';
import type { Lexicon } from './load.ts';
import { reasonKeyOf } from './reasons.ts';
import { buildStream, CLASS, phraseStream, type Stream, streamString, WORD } from './stream.ts';

export type IndicatorMatcher = {
  /** One pass of the automaton over the post, plus the few regexes. */
  match(n: NormalizedText): IndicatorMatch[];
  /** The naive baseline: every phrase as its own RegExp, in a loop. Same results, for benchmarks. */
  matchNaive(n: NormalizedText): IndicatorMatch[];
  /** Every phrase of every language, as written in the lexicons. */
  phrases(): string[];
};

// Hot loops read the class table through a local binding: module runners that turn imports into
// property reads would otherwise pay for one per character.
const classOf = CLASS;

type Indicator = {
  id: string;
  category: IndicatorCategory;
  categoryIndex: number;
  reason: string;
  reasonKey: string;
};
/** One way a normalised phrase can match: which indicator, at what weight, with which boundaries. */
type Occurrence = {
  indicator: number;
  weight: number;
  length: number;
  startBoundary: boolean;
  endBoundary: boolean;
  /** an `except` phrase: its matches cancel the indicator's matches inside them */
  exception: boolean;
};
type Rule = { indicator: number; weight: number; regex: RegExp };

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
      indicators.push({
        id: entry.id,
        category: entry.category,
        categoryIndex: INDICATOR_CATEGORIES.indexOf(entry.category),
        reason: lexicon.reasons.get(entry.id) ?? entry.id,
        reasonKey: reasonKeyOf(entry.id),
      });
    }
    const add = (phrase: string, exception: boolean) => {
      const key = phraseStream(phrase);
      let k = keyOf.get(key);
      if (k === undefined) {
        k = keys.length;
        keyOf.set(key, k);
        keys.push(key);
        occurrences.push([]);
      }
      const list = occurrences[k] ?? [];
      const same = list.find((o) => o.indicator === indicator && o.exception === exception);
      if (same) {
        same.weight = Math.max(same.weight, entry.weight); // the same phrase in two languages
        return;
      }
      list.push({
        indicator,
        weight: entry.weight,
        length: key.length,
        startBoundary: CLASS[key.charCodeAt(0)] === WORD,
        endBoundary: CLASS[key.charCodeAt(key.length - 1)] === WORD,
        exception,
      });
    };
    for (const phrase of entry.phrases) {
      allPhrases.push(phrase);
      add(phrase, false);
    }
    for (const phrase of entry.exceptions) add(phrase, true);
    for (const source of entry.regexes) {
      rules.push({ indicator, weight: entry.weight, regex: new RegExp(source, 'gu') });
    }
  }

  const automaton = buildAutomaton(keys);
  let naiveRegexes: RegExp[] | undefined;

  // Hits of the current post, in `text` coordinates. The matcher is synchronous, so one set of
  // buffers serves every call.
  const hitIndicator: number[] = [];
  const hitWeight: number[] = [];
  const hitStart: number[] = [];
  const hitEnd: number[] = [];
  const exceptIndicator: number[] = [];
  const exceptStart: number[] = [];
  const exceptEnd: number[] = [];
  let stream: Stream = buildStream('', '');
  let text = '';

  const reset = () => {
    hitIndicator.length = 0;
    hitWeight.length = 0;
    hitStart.length = 0;
    hitEnd.length = 0;
    exceptIndicator.length = 0;
    exceptStart.length = 0;
    exceptEnd.length = 0;
  };

  /** Whether hit h lies inside an `except` phrase of its own indicator. */
  const excepted = (h: number): boolean => {
    for (let x = 0; x < exceptIndicator.length; x++) {
      if (
        exceptIndicator[x] === hitIndicator[h] &&
        (exceptStart[x] ?? 0) <= (hitStart[h] ?? 0) &&
        (exceptEnd[x] ?? 0) >= (hitEnd[h] ?? 0)
      ) {
        return true;
      }
    }
    return false;
  };

  /** Records phrase `key` ending at stream index `end` if its word boundaries hold. */
  const record = (key: number, end: number) => {
    const list = occurrences[key];
    if (!list) return;
    const { codes, pos, length } = stream;
    for (const o of list) {
      const start = end - o.length + 1;
      if (o.startBoundary && start > 0 && classOf[codes[start - 1] ?? 0] === WORD) continue;
      if (o.endBoundary && end + 1 < length && classOf[codes[end + 1] ?? 0] === WORD) continue;
      let textEnd = (pos[end] ?? 0) + 1;
      // a decomposed diacritic, or the second half of ํา, belongs to the last letter
      while (textEnd < text.length && isTrailing(text.charCodeAt(textEnd))) textEnd++;
      if (o.exception) {
        exceptIndicator.push(o.indicator);
        exceptStart.push(pos[start] ?? 0);
        exceptEnd.push(textEnd);
        continue;
      }
      hitIndicator.push(o.indicator);
      hitWeight.push(o.weight);
      hitStart.push(pos[start] ?? 0);
      hitEnd.push(textEnd);
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
        hitIndicator.push(rule.indicator);
        hitWeight.push(rule.weight);
        hitStart.push(m.index);
        hitEnd.push(m.index + m[0].length);
      }
    }
  };

  // Scratch for collect(): hits sorted, kept spans, and groups (one per indicator found).
  const order: number[] = [];
  const keptStart: number[] = [];
  const keptEnd: number[] = [];
  const groupIndicator: number[] = [];
  const groupWeight: number[] = [];
  const groupFrom: number[] = [];
  const perCategory = new Int32Array(INDICATOR_CATEGORIES.length);
  const byHit = (a: number, b: number) =>
    (hitIndicator[a] ?? 0) - (hitIndicator[b] ?? 0) ||
    (hitStart[a] ?? 0) - (hitStart[b] ?? 0) ||
    (hitEnd[b] ?? 0) - (hitEnd[a] ?? 0);

  /**
   * Within one category, a span inside a longer span of another indicator is not a second reason:
   * "lương cao" inside "việc nhẹ lương cao" is reported once, as light work for high pay.
   */
  const insideAnother = (group: number, category: number, s: number, e: number): boolean => {
    for (let g = 0; g < groupIndicator.length; g++) {
      if (g === group || indicators[groupIndicator[g] ?? 0]?.categoryIndex !== category) continue;
      // a group's kept spans are outermost: starts and ends both increase, so one binary search
      let lo = groupFrom[g] ?? 0;
      let hi = (groupFrom[g + 1] ?? keptStart.length) - 1;
      let candidate = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((keptStart[mid] ?? 0) <= s) {
          candidate = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (candidate < 0) continue;
      const os = keptStart[candidate] ?? 0;
      const oe = keptEnd[candidate] ?? 0;
      if (oe >= e && oe - os > e - s) return true;
    }
    return false;
  };

  /** Hits → one result per indicator, with its outermost spans in original coordinates. */
  const collect = (n: NormalizedText): IndicatorMatch[] => {
    const count = hitIndicator.length;
    if (count === 0) {
      reset();
      return [];
    }
    order.length = 0;
    for (let h = 0; h < count; h++) order.push(h);
    order.sort(byHit);
    keptStart.length = 0;
    keptEnd.length = 0;
    groupIndicator.length = 0;
    groupWeight.length = 0;
    groupFrom.length = 0;
    perCategory.fill(0);
    const checkExceptions = exceptIndicator.length > 0;
    for (const h of order) {
      if (checkExceptions && excepted(h)) continue;
      const indicator = hitIndicator[h] ?? 0;
      const last = groupIndicator.length - 1;
      if (groupIndicator[last] !== indicator) {
        groupIndicator.push(indicator);
        groupWeight.push(hitWeight[h] ?? 0);
        groupFrom.push(keptStart.length);
        const c = indicators[indicator]?.categoryIndex ?? 0;
        perCategory[c] = (perCategory[c] ?? 0) + 1;
      } else {
        groupWeight[last] = Math.max(groupWeight[last] ?? 0, hitWeight[h] ?? 0);
        if ((hitEnd[h] ?? 0) <= (keptEnd[keptEnd.length - 1] ?? -1)) continue; // inside the previous span
      }
      keptStart.push(hitStart[h] ?? 0);
      keptEnd.push(hitEnd[h] ?? 0);
    }
    reset();
    const results: IndicatorMatch[] = [];
    for (let g = 0; g < groupIndicator.length; g++) {
      const meta = indicators[groupIndicator[g] ?? 0];
      if (!meta) continue;
      const shared = (perCategory[meta.categoryIndex] ?? 0) > 1;
      const spans: Span[] = [];
      const to = groupFrom[g + 1] ?? keptStart.length;
      for (let k = groupFrom[g] ?? 0; k < to; k++) {
        const s = keptStart[k] ?? 0;
        const e = keptEnd[k] ?? 0;
        if (shared && insideAnother(g, meta.categoryIndex, s, e)) continue;
        spans.push(toOriginalSpan(n, s, e));
      }
      if (spans.length === 0) continue;
      results.push({
        id: meta.id,
        category: meta.category,
        weight: groupWeight[g] ?? 0,
        reasonKey: meta.reasonKey,
        reason: meta.reason,
        spans,
      });
    }
    return results.sort(
      (a, b) =>
        b.weight - a.weight ||
        (a.spans[0]?.[0] ?? 0) - (b.spans[0]?.[0] ?? 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  };

  return {
    match(n) {
      reset();
      text = n.text;
      stream = buildStream(n.text, n.bare);
      automaton.scan(stream.codes, stream.length, record);
      runRules(n);
      return collect(n);
    },
    matchNaive(n) {
      reset();
      naiveRegexes ??= keys.map((key) => new RegExp(escapeRegex(key), 'g'));
      text = n.text;
      stream = buildStream(n.text, n.bare);
      const s = streamString(stream);
      naiveRegexes.forEach((re, key) => {
        re.lastIndex = 0;
        for (let m = re.exec(s); m !== null; m = re.exec(s)) {
          record(key, m.index + m[0].length - 1);
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
