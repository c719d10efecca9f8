import { z } from '@hono/zod-openapi';
import { countryCode, rule, text } from '../platform/http/fields.ts';
import { langField, postedAtField } from './input.ts';
import { INDICATOR_CATEGORIES, WATCHABLE_KINDS } from './types.ts';

/** A post's limit in UTF-8 bytes (the web form holds no more: web/src/screening/check/post-limit.ts). */
export const MAX_POST_BYTES = 100 * 1024;
/** The body of POST /api/screen: the post JSON-escaped (a newline or quote is two bytes) and the rest. */
export const MAX_SCREEN_BODY_BYTES = 2 * MAX_POST_BYTES + 4096;

/** A money identifier's amount (its `normalized` stays "1500 USD/month"). */
export const moneyAmount = z
  .object({
    amount: z.number(),
    amountMax: z.number().optional(),
    currency: z.string(),
    period: z.enum(['hour', 'day', 'week', 'month', 'year']).optional(),
  })
  .openapi('MoneyAmount');

export const screenInput = z
  .strictObject({
    text: text(MAX_POST_BYTES).refine(
      (s) => Buffer.byteLength(s, 'utf8') <= MAX_POST_BYTES,
      rule('too_many_bytes', `must be at most ${MAX_POST_BYTES} bytes in UTF-8`, { maximum: MAX_POST_BYTES }),
    ),
    id: text(200).optional(),
    country: countryCode.optional(),
    lang: langField.optional(),
    url: text(2048).optional(),
    postedAt: postedAtField.optional(),
  })
  .openapi('ScreenInput');

/** Routes that return indicator reasons give them in the reader's language (reason-lang.ts). */
export const readerHeaders = z.object({
  'accept-language': z.string().optional().openapi({
    description:
      'Language of the indicator reasons: en, th, vi, id, ms, fil, km, lo, my or zh (English when none matches)',
    example: 'th',
  }),
});

const span = z.tuple([z.number().int(), z.number().int()]);

export const screenResult = z
  .object({
    id: z.string().nullable(),
    risk: z.number(),
    level: z.enum(['low', 'medium', 'high']),
    lang: z.string(),
    indicators: z.array(
      z.object({
        id: z.string(),
        category: z.enum(INDICATOR_CATEGORIES),
        weight: z.number(),
        reason: z.string(),
        spans: z.array(span),
      }),
    ),
    identifiers: z.array(
      z.object({
        kind: z.string(),
        value: z.string(),
        normalized: z.string(),
        spans: z.array(span),
        money: moneyAmount.optional().openapi({
          description: "For kind money: the amount as numbers, to format in the reader's language",
        }),
      }),
    ),
    model: z.object({ name: z.string(), probability: z.number() }),
  })
  .openapi('ScreenResult');

export const screenResponse = z.object({
  result: screenResult,
  alertId: z.string().nullable(),
  watchlistHits: z.array(z.string()),
});

/** The post and result are sealed at rest; one that does not open is reported, never shown. */
const alertIntegrity = z
  .object({
    status: z.enum(['ok', 'tampered']),
    tamperedFields: z.array(z.enum(['text', 'result'])),
  })
  .openapi('AlertIntegrity');

export const alertSummary = z
  .object({
    id: z.string(),
    source: z.string(),
    batchId: z.uuid().nullable().openapi({ description: 'The batch that raised the alert (source batch)' }),
    externalId: z.string().nullable(),
    excerpt: z.string().nullable().openapi({
      description: 'The start of the post; null when its stored value was tampered with (see integrity)',
    }),
    url: z.string().nullable(),
    country: z.string().nullable(),
    lang: z.string(),
    risk: z.number(),
    level: z.enum(['low', 'medium', 'high']),
    watchlistHits: z.array(z.string()),
    status: z.enum(['open', 'confirmed', 'dismissed']),
    assigneeId: z.string().nullable(),
    reviewReason: z.string().nullable(),
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    createdAt: z.string(),
    integrity: alertIntegrity,
  })
  .openapi('AlertSummary');

export const alertDetail = alertSummary
  .extend({
    text: z.string().nullable().openapi({ description: 'The post as posted; null when tampered with' }),
    result: screenResult.nullable().openapi({ description: 'The screening result; null when tampered with' }),
  })
  .openapi('Alert');

export const alertQuery = z.strictObject({
  status: z.enum(['open', 'confirmed', 'dismissed']).optional(),
  level: z.enum(['low', 'medium', 'high']).optional(),
  lang: z.string().max(5).optional(),
  assignee: z.union([z.literal('me'), z.uuid()]).optional(),
  batch: z.uuid().optional().openapi({ description: 'Only the alerts raised by this batch' }),
  q: text(200)
    .optional()
    .openapi({
      description:
        'An identifier the post names (phone number, chat handle, link, e-mail, wallet, bank account), ' +
        "matched exactly as normalised (a national phone number with the node's country), or the " +
        "post's id, or part of its URL. The post's words are not searchable: the post is sealed at rest.",
    }),
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const assignBody = z.strictObject({ assigneeId: z.uuid().nullable() });
export const reviewBody = z.strictObject({
  decision: z.enum(['confirmed', 'dismissed']),
  reason: text(2000),
});

export const watchlistEntry = z
  .object({
    id: z.string(),
    kind: z.string(),
    normalized: z.string(),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('WatchlistEntry');

export const watchlistBody = z.strictObject({
  kind: z.enum(WATCHABLE_KINDS),
  value: text(500),
  note: text(1000).optional(),
});
