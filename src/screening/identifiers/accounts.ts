import { CHAT_KINDS, type IdentifierKind, type Span } from '../types.ts';

// A hotspot's name inside a chat handle, a link, an e-mail address or a domain ("@myawaddy_job",
// "t.me/kkpark_hr", "hr@kkpark.com") names an account or a page, not where the post offers work, so
// it is neither a place identifier nor the hotspot red flag (README, "Places inside accounts").
// Link paths too ("facebook.com/groups/sihanoukville-jobs"): a path is a page's name, and news and
// travel links name hotspots in their slugs; the post's own words still count.

/** The identifier kinds whose text is an account's or a page's name. */
export const ACCOUNT_KINDS: ReadonlySet<IdentifierKind> = new Set<IdentifierKind>([
  ...CHAT_KINDS,
  'url',
  'domain',
  'email',
]);

/** The spans of the identifiers of ACCOUNT_KINDS among `identifiers` (original-text coordinates). */
export function accountSpans(
  identifiers: Iterable<{ kind: IdentifierKind; spans: readonly Span[] }>,
): Span[] {
  const spans: Span[] = [];
  for (const id of identifiers) if (ACCOUNT_KINDS.has(id.kind)) spans.push(...id.spans);
  return spans;
}

/** Whether `span` lies wholly inside one of `spans`. */
export function insideAny(spans: readonly Span[], span: Span): boolean {
  for (const s of spans) if (s[0] <= span[0] && span[1] <= s[1]) return true;
  return false;
}
