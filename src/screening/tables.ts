import type { ColumnType, Generated, JSONColumnType } from 'kysely';

// Row types of migrations/0003_screening.sql (batch_id: 0015_screening_alert_batch.sql; the sealed
// post and result, identifier_keys and screening_secrets: 0016_screening_alert_text_sealed.sql).
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type ScreeningAlertsTable = {
  id: Generated<string>;
  agency_id: string;
  source: 'api' | 'ui' | 'batch';
  /** The batch that raised the alert (source 'batch'); null when it was deleted, or for one post. */
  batch_id: ColumnType<string | null, string | null | undefined, string | null>;
  external_id: string | null;
  /** The post as posted, sealed (sealed.ts). */
  post_text_enc: string;
  post_url: string | null;
  country: string | null;
  posted_at: NullableTimestamp;
  lang: string;
  risk: number;
  level: 'low' | 'medium' | 'high';
  /** The full screening result as JSON (indicators, identifiers, spans), sealed. */
  result_enc: string;
  /** Keyed tokens of the identifiers the post names (search-keys.ts). */
  identifier_keys: ColumnType<string[], string[] | undefined, string[]>;
  watchlist_hits: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<
    'open' | 'confirmed' | 'dismissed',
    'open' | undefined,
    'open' | 'confirmed' | 'dismissed'
  >;
  assignee_id: string | null;
  review_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
  created_by: string | null;
  created_at: Timestamp;
};

export type ScreeningSecretsTable = {
  name: string;
  secret_enc: string;
  created_at: Timestamp;
};

export type ScreeningWatchlistTable = {
  id: Generated<string>;
  kind: string;
  normalized: string;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
};

export type ScreeningModelsTable = {
  id: Generated<string>;
  name: string;
  model: JSONColumnType<object, string, string>;
  metrics: JSONColumnType<object | null, string | null, string | null>;
  examples: number;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
};

export type ScreeningTables = {
  screening_alerts: ScreeningAlertsTable;
  screening_watchlist: ScreeningWatchlistTable;
  screening_secrets: ScreeningSecretsTable;
  screening_models: ScreeningModelsTable;
};
