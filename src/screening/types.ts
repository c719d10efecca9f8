// Shared shapes of the screening pipeline. Each stage lives in its own folder:
// text/ (normalise, language, segment), identifiers/, indicators/, model/; pipeline.ts joins them.

/** The languages Jaring screens (ISO 639-1, `fil` for Filipino); `und` when unknown. */
export const LANGS = ['en', 'th', 'vi', 'id', 'ms', 'fil', 'km', 'lo', 'my', 'zh'] as const;
export type Lang = (typeof LANGS)[number];
export type LangOrUnknown = Lang | 'und';

/** [start, end) in UTF-16 code units of the ORIGINAL text, as posted. */
export type Span = [number, number];

/**
 * A post after normalisation. `text` is NFKC, Zawgyi converted to Unicode, invisible characters
 * removed, filter evasions folded (W.h.a.t.s.A.p.p → whatsapp, T3legram → telegram, full-width,
 * homoglyphs) and lower-cased. `bare` has exactly the same length as `text`, with Latin diacritics
 * removed letter by letter (ệ → e, đ → d), so Vietnamese typed without diacritics matches too.
 * `offsets[i]` is the index in `original` where text[i] came from; offsets[text.length] is
 * original.length. Use toOriginalSpan() to report spans.
 */
export type NormalizedText = {
  original: string;
  text: string;
  bare: string;
  offsets: Uint32Array;
  /** true when the original was Zawgyi-encoded Burmese and was converted */
  zawgyi: boolean;
  /**
   * The post as written, only cleaned: NFKC, invisible characters removed, lower case, Zawgyi
   * converted, before the evasion folding of `text` (so "th0ng ba0" stays). The classifier's view.
   */
  folded?: string;
};

export type LangSegment = { start: number; end: number; lang: LangOrUnknown };

/** Chat platforms whose handles are identifiers. */
export const CHAT_KINDS = [
  'telegram',
  'whatsapp',
  'line',
  'zalo',
  'wechat',
  'signal',
  'facebook',
  'tiktok',
] as const;

/** Identifier kinds that name a person or an account, and so can be watchlisted. */
export const WATCHABLE_KINDS = [
  'phone',
  ...CHAT_KINDS,
  'url',
  'domain',
  'email',
  'wallet_btc',
  'wallet_eth',
  'wallet_tron',
  'bank_account',
] as const;

export type IdentifierKind = (typeof WATCHABLE_KINDS)[number] | 'money' | 'place';

export type Identifier = {
  kind: IdentifierKind;
  /** the text as posted (the first occurrence) */
  value: string;
  /** canonical form: E.164 phone, lower-case handle without @, checksummed address, amount as "1500 USD/month" ... */
  normalized: string;
  spans: Span[];
  /** extra facts, e.g. {bank: 'ABA'}, {currency:'THB', amount: 35000, period:'month', usdPerMonth: 1000}, {placeId:'kk-park'} */
  details?: Record<string, string | number | boolean>;
};

export const INDICATOR_CATEGORIES = [
  'deceptive_recruitment',
  'unrealistic_pay',
  'travel_visa_arranged',
  'chat_app_contact',
  'hotspot_destination',
  'forced_criminality',
  'control_coercion',
  'debt',
  'document_retention',
  'sexual_exploitation',
  'child',
] as const;
export type IndicatorCategory = (typeof INDICATOR_CATEGORIES)[number];

export type IndicatorMatch = {
  id: string;
  category: IndicatorCategory;
  weight: number;
  /** i18n key of the human reason, e.g. `screening.indicators.<id>` */
  reasonKey: string;
  /** English reason; presenters give the reader's language by id (presentScreenResult) */
  reason: string;
  spans: Span[];
};

export type RiskLevel = 'low' | 'medium' | 'high';

export type ScreenInput = {
  id?: string;
  text: string;
  country?: string;
  lang?: string;
  url?: string;
  postedAt?: string;
};

export type ScreenResult = {
  id: string | null;
  risk: number;
  level: RiskLevel;
  lang: LangOrUnknown;
  indicators: Array<{
    id: string;
    category: IndicatorCategory;
    weight: number;
    reason: string;
    spans: Span[];
  }>;
  identifiers: Array<{ kind: IdentifierKind; value: string; normalized: string; spans: Span[] }>;
  model: { name: string; probability: number };
};
