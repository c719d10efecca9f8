// Splits a post into runs of text that share the same highlights. Spans are [start, end) in UTF-16
// code units of the text as posted; they may overlap, nest, repeat or (from an older result) fall
// outside the text. Joining the segments' text gives back the post exactly.

type Spanned = { spans: readonly (readonly [number, number])[] };

export type Segment = {
  start: number;
  end: number;
  text: string;
  /** indexes into the indicators given, ascending */
  indicators: readonly number[];
  /** indexes into the identifiers given, ascending */
  identifiers: readonly number[];
};

type Range = { start: number; end: number; index: number };

export function buildSegments(
  text: string,
  indicators: readonly Spanned[],
  identifiers: readonly Spanned[],
): Segment[] {
  const indicatorRanges = rangesOf(text, indicators);
  const identifierRanges = rangesOf(text, identifiers);
  const cuts = new Set<number>([0, text.length]);
  for (const range of [...indicatorRanges, ...identifierRanges]) {
    cuts.add(range.start);
    cuts.add(range.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i] ?? 0;
    const end = sorted[i + 1] ?? start;
    if (start >= end) continue;
    const segment = {
      start,
      end,
      text: text.slice(start, end),
      indicators: covering(indicatorRanges, start, end),
      identifiers: covering(identifierRanges, start, end),
    };
    const previous = segments.at(-1);
    if (previous && sameMarks(previous, segment)) {
      segments[segments.length - 1] = { ...previous, end, text: previous.text + segment.text };
    } else {
      segments.push(segment);
    }
  }
  return segments;
}

function rangesOf(text: string, items: readonly Spanned[]): Range[] {
  const ranges: Range[] = [];
  items.forEach((item, index) => {
    for (const [rawStart, rawEnd] of item.spans) {
      if (!Number.isFinite(rawStart) || !Number.isFinite(rawEnd)) continue;
      const start = snapStart(text, clamp(Math.trunc(rawStart), text.length));
      const end = snapEnd(text, clamp(Math.trunc(rawEnd), text.length));
      if (start < end) ranges.push({ start, end, index });
    }
  });
  return ranges;
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(value, 0), max);
}

/** True when `at` falls between the two halves of a surrogate pair (one emoji, one rare Han character). */
function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

const snapStart = (text: string, at: number) => (splitsPair(text, at) ? at - 1 : at);
const snapEnd = (text: string, at: number) => (splitsPair(text, at) ? at + 1 : at);

function covering(ranges: readonly Range[], start: number, end: number): number[] {
  const found = new Set<number>();
  for (const range of ranges) if (range.start <= start && range.end >= end) found.add(range.index);
  return [...found].sort((a, b) => a - b);
}

function sameMarks(a: Segment, b: Segment): boolean {
  return sameList(a.indicators, b.indicators) && sameList(a.identifiers, b.identifiers);
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
