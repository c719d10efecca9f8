import type { Identifier, IdentifierKind, NormalizedText, Span } from '../types.ts';
import { originalSpan } from './span.ts';

type Details = Record<string, string | number | boolean>;

/** Identifiers deduplicated by (kind, normalized), keeping every span where each occurs. */
export class IdentifierSet {
  private readonly byKey = new Map<string, Identifier>();
  private readonly spanKeys = new Map<string, Set<number>>();
  private readonly kinds = new Set<IdentifierKind>();

  constructor(private readonly n: NormalizedText) {}

  /** Adds an occurrence found at [start, end) of n.text. */
  addText(kind: IdentifierKind, normalized: string, start: number, end: number, details?: Details): void {
    const span = originalSpan(this.n, start, end);
    if (span) this.addSpan(kind, normalized, span, details);
  }

  /** Adds an occurrence found at an original-text span. */
  addSpan(kind: IdentifierKind, normalized: string, span: Span, details?: Details): void {
    if (normalized.length === 0 || span[1] <= span[0] || span[1] > this.n.original.length) return;
    const key = `${kind}\u0000${normalized}`;
    const spanKey = span[0] * 0x200000 + span[1];
    const existing = this.byKey.get(key);
    if (!existing) {
      const value = this.n.original.slice(span[0], span[1]);
      this.byKey.set(key, { kind, value, normalized, spans: [span], ...(details ? { details } : {}) });
      this.spanKeys.set(key, new Set([spanKey]));
      this.kinds.add(kind);
      return;
    }
    const seen = this.spanKeys.get(key);
    if (!seen || seen.has(spanKey)) return;
    seen.add(spanKey);
    existing.spans.push(span);
  }

  /** What has been added so far, unsorted. */
  entries(): Iterable<Identifier> {
    return this.byKey.values();
  }

  hasKind(kind: IdentifierKind): boolean {
    return this.kinds.has(kind);
  }

  /** In order of first occurrence, spans sorted. */
  list(): Identifier[] {
    const all = [...this.byKey.values()];
    for (const id of all) {
      id.spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const first = id.spans[0];
      if (first) id.value = this.n.original.slice(first[0], first[1]);
    }
    return all.sort(
      (a, b) =>
        (a.spans[0]?.[0] ?? 0) - (b.spans[0]?.[0] ?? 0) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0),
    );
  }
}
