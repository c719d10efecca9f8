import * as z from 'zod/mini';
import { timestamp } from '../platform/common/schema.ts';

// The screening API's answers (src/screening/schema.ts on the server), parsed at the edge.

export const riskLevels = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof riskLevels)[number];

export const alertStatuses = ['open', 'confirmed', 'dismissed'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

/** [start, end) in UTF-16 code units of the text as posted. */
const span = z.tuple([z.number(), z.number()]);
export type Span = z.infer<typeof span>;

export const indicator = z.object({
  id: z.string(),
  category: z.string(),
  weight: z.number(),
  reason: z.string(),
  spans: z.array(span),
});
export type Indicator = z.infer<typeof indicator>;

/** A money identifier's amount as numbers (its `normalized` is "1500 USD/month" in English). */
export const moneyAmount = z.object({
  amount: z.number(),
  amountMax: z.optional(z.number()),
  currency: z.string(),
  period: z.optional(z.string()),
});
export type MoneyAmount = z.infer<typeof moneyAmount>;

export const identifier = z.object({
  kind: z.string(),
  value: z.string(),
  normalized: z.string(),
  spans: z.array(span),
  money: z.optional(moneyAmount),
});
export type Identifier = z.infer<typeof identifier>;

export const screenResult = z.object({
  id: z.nullish(z.string()),
  risk: z.number(),
  level: z.enum(riskLevels),
  lang: z.string(),
  indicators: z.array(indicator),
  identifiers: z.array(identifier),
  model: z.object({ name: z.string(), probability: z.number() }),
});
export type ScreenResult = z.infer<typeof screenResult>;

export const screenAnswer = z.object({
  result: screenResult,
  alertId: z.nullish(z.string()),
  watchlistHits: z._default(z.array(z.string()), []),
});
export type ScreenAnswer = z.infer<typeof screenAnswer>;

/** The post and result are sealed on the server; one that fails its check comes as null. */
const alertIntegrity = z.object({
  status: z.enum(['ok', 'tampered']),
  tamperedFields: z.array(z.string()),
});

export const alertSummary = z.object({
  id: z.string(),
  source: z.string(),
  /** The batch upload that raised the alert, if one did. */
  batchId: z.nullish(z.string()),
  externalId: z.nullish(z.string()),
  /** null when the stored post failed its integrity check */
  excerpt: z.nullable(z.string()),
  url: z.nullish(z.string()),
  country: z.nullish(z.string()),
  lang: z.string(),
  risk: z.number(),
  level: z.enum(riskLevels),
  watchlistHits: z._default(z.array(z.string()), []),
  status: z.enum(alertStatuses),
  assigneeId: z.nullish(z.string()),
  reviewReason: z.nullish(z.string()),
  reviewedBy: z.nullish(z.string()),
  reviewedAt: z.nullish(timestamp),
  createdAt: z.string(),
  integrity: z._default(alertIntegrity, { status: 'ok', tamperedFields: [] }),
});
export type AlertSummary = z.infer<typeof alertSummary>;

export const alertDetail = z.extend(alertSummary, {
  text: z.nullable(z.string()),
  result: z.nullable(screenResult),
});
export type AlertDetail = z.infer<typeof alertDetail>;

export const alertList = z.object({ alerts: z.array(alertSummary) });
export const alertAnswer = z.object({ alert: alertDetail });

export const watchlistEntry = z.object({
  id: z.string(),
  kind: z.string(),
  normalized: z.string(),
  note: z.nullish(z.string()),
  createdAt: timestamp,
});
export type WatchlistEntry = z.infer<typeof watchlistEntry>;
export const watchlistList = z.object({ entries: z.array(watchlistEntry) });
export const watchlistAnswer = z.object({ entry: watchlistEntry });

export const modelSummary = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: timestamp,
  examples: z.number(),
  metrics: z.unknown(),
});
export type ModelSummary = z.infer<typeof modelSummary>;

export const modelsAnswer = z.object({
  active: z.nullable(modelSummary),
  defaultModel: z.object({ name: z.string() }),
  /** `minimumPerLabel`: confirmed and dismissed alerts (each) a retrain needs. */
  reviewed: z.object({ confirmed: z.number(), dismissed: z.number(), minimumPerLabel: z.number() }),
});
export type ModelsAnswer = z.infer<typeof modelsAnswer>;

export const retrainAnswer = z.object({ model: modelSummary });
