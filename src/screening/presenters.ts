import type { z } from 'zod';
import { indicatorReason } from './indicators/index.ts';
import type { AlertListRow, AlertRow, WatchlistRow } from './repo.ts';
import { moneyAmount } from './schema.ts';
import type { AlertSealedField, OpenedAlert } from './sealed.ts';
import type { Identifier, Lang, ScreenResult } from './types.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const EXCERPT = 280;

/** The first `max` code units, never splitting a surrogate pair. */
function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  const cut = last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, cut)}…`;
}

/** Whether the sealed fields opened; a tampered one is null in the answer, never garbage. */
const integrityOf = (tampered: readonly AlertSealedField[]) => ({
  status: tampered.length > 0 ? ('tampered' as const) : ('ok' as const),
  tamperedFields: [...tampered],
});

export function presentAlertSummary(
  a: AlertListRow,
  opened: { text: string | null; tampered: readonly AlertSealedField[] },
) {
  return {
    id: a.id,
    source: a.source,
    batchId: a.batch_id,
    externalId: a.external_id,
    excerpt: opened.text === null ? null : excerpt(opened.text, EXCERPT),
    url: a.post_url,
    country: a.country,
    lang: a.lang,
    risk: a.risk,
    level: a.level,
    watchlistHits: a.watchlist_hits,
    status: a.status,
    assigneeId: a.assignee_id,
    reviewReason: a.review_reason,
    reviewedBy: a.reviewed_by,
    reviewedAt: iso(a.reviewed_at),
    createdAt: a.created_at.toISOString(),
    integrity: integrityOf(opened.tampered),
  };
}

type PresentedIdentifier = Omit<Identifier, 'details'> & { money?: z.infer<typeof moneyAmount> };
export type PresentedScreenResult = Omit<ScreenResult, 'identifiers'> & {
  identifiers: PresentedIdentifier[];
};

/** A money identifier's amount as numbers, so a reader formats it in their own language. */
function moneyOf(i: Identifier): Pick<PresentedIdentifier, 'money'> {
  if (i.kind !== 'money') return {};
  const parsed = moneyAmount.safeParse(i.details);
  return parsed.success ? { money: parsed.data } : {};
}

/**
 * A screening result for a reader of `lang`: each indicator's reason in that language, picked here
 * rather than while matching. An id the lexicon no longer has keeps the reason it was stored with.
 */
export function presentScreenResult(r: ScreenResult, lang: Lang): PresentedScreenResult {
  return {
    id: r.id,
    risk: r.risk,
    level: r.level,
    lang: r.lang,
    indicators: r.indicators.map((i) => ({
      id: i.id,
      category: i.category,
      weight: i.weight,
      reason: indicatorReason(i.id, lang) ?? i.reason,
      spans: i.spans,
    })),
    identifiers: r.identifiers.map((i) => ({
      kind: i.kind,
      value: i.value,
      normalized: i.normalized,
      spans: i.spans,
      ...moneyOf(i),
    })),
    model: { name: r.model.name, probability: r.model.probability },
  };
}

export function presentAlert(a: AlertRow, opened: OpenedAlert, lang: Lang) {
  return {
    ...presentAlertSummary(a, opened),
    text: opened.text,
    result: opened.result && presentScreenResult(opened.result, lang),
  };
}

export function presentWatchlistEntry(w: WatchlistRow) {
  return {
    id: w.id,
    kind: w.kind,
    normalized: w.normalized,
    note: w.note,
    createdAt: w.created_at.toISOString(),
  };
}
