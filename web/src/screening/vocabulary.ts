import type { MantineColor } from '@mantine/core';
import type { AlertStatus, RiskLevel } from './schema.ts';

// The screening vocabulary the UI knows: identifier kinds, indicator categories, languages, and
// the colours that tie a highlighted span to its reason.

/** Kinds the server accepts on the watchlist (POST /api/watchlist). */
export const watchlistKinds = [
  'phone',
  'telegram',
  'whatsapp',
  'line',
  'zalo',
  'wechat',
  'signal',
  'facebook',
  'tiktok',
  'url',
  'domain',
  'email',
  'wallet_btc',
  'wallet_eth',
  'wallet_tron',
  'bank_account',
] as const;
export type WatchlistKind = (typeof watchlistKinds)[number];

export function isWatchlistKind(kind: string): kind is WatchlistKind {
  return watchlistKinds.some((known) => known === kind);
}

/** Where an alert came from (`screening_alerts.source`): one post by the API or this UI, or a file. */
export const alertSources = ['api', 'ui', 'batch'] as const;
export type AlertSource = (typeof alertSources)[number];

export function isAlertSource(source: string): source is AlertSource {
  return alertSources.some((known) => known === source);
}

/** The languages the screener knows (ISO 639-1, `fil` for Filipino). */
export const screeningLangs = ['en', 'th', 'vi', 'id', 'ms', 'fil', 'km', 'lo', 'my', 'zh'] as const;
export type ScreeningLang = (typeof screeningLangs)[number];

export function isScreeningLang(code: string): code is ScreeningLang {
  return screeningLangs.some((known) => known === code);
}

export const indicatorCategories = [
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
export type IndicatorCategory = (typeof indicatorCategories)[number];

export function isIndicatorCategory(value: string): value is IndicatorCategory {
  return indicatorCategories.some((known) => known === value);
}

const categoryColors: Record<IndicatorCategory, MantineColor> = {
  deceptive_recruitment: 'yellow',
  unrealistic_pay: 'orange',
  travel_visa_arranged: 'cyan',
  chat_app_contact: 'blue',
  hotspot_destination: 'grape',
  forced_criminality: 'red',
  control_coercion: 'red',
  debt: 'pink',
  document_retention: 'violet',
  sexual_exploitation: 'pink',
  child: 'red',
};

/** The hue of a category's highlight; Mantine's Mark paints shade 2 of it behind black text. */
export function categoryColor(category: string): MantineColor {
  return isIndicatorCategory(category) ? categoryColors[category] : 'gray';
}

// Shades chosen for WCAG AA contrast of badge text (white on green.9 and red.9, black on orange.5).
export const levelColors: Record<RiskLevel, MantineColor> = {
  low: 'green.9',
  medium: 'orange.5',
  high: 'red.9',
};

export const statusColors: Record<AlertStatus, MantineColor> = {
  open: 'blue.9',
  confirmed: 'red.9',
  dismissed: 'gray.7',
};

/** The server names a watchlist hit `kind:normalized` (the same key for an identifier). */
export function watchKey(item: { kind: string; normalized: string }): string {
  return `${item.kind}:${item.normalized}`;
}

export function parseWatchKey(key: string): { kind: string; normalized: string } {
  const at = key.indexOf(':');
  return at < 0 ? { kind: '', normalized: key } : { kind: key.slice(0, at), normalized: key.slice(at + 1) };
}
