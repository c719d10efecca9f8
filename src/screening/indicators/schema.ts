import { z } from 'zod';
import { INDICATOR_CATEGORIES, LANGS } from '../types.ts';

// Shapes of the data files in data/indicators/ (see README.md). Parsed at start-up; a bad entry
// stops the start with an error naming the file and the indicator.

export const indicatorId = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'lower-case letters, digits and _');
export const sourceId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'lower-case letters, digits and -');

/** A pattern is a phrase, or (sparingly) `{ "regex": "..." }` run on the post's `bare` text. */
export const patternSchema = z.union([
  z.string().trim().min(1).max(200),
  z.strictObject({ regex: z.string().min(1) }),
]);

export const indicatorSchema = z.strictObject({
  id: indicatorId,
  category: z.enum(INDICATOR_CATEGORIES),
  weight: z.number().min(0).max(1),
  patterns: z.array(patternSchema).min(1),
  /** phrases inside which a pattern does not count ("chất lượng cao" is not "lương cao") */
  except: z.array(z.string().trim().min(1).max(200)).optional(),
  sources: z.array(sourceId).min(1),
});
export type IndicatorEntry = z.infer<typeof indicatorSchema>;

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** A language file; `indicators` is checked entry by entry so errors can name the indicator. */
export const lexiconFileSchema = z.strictObject({
  lang: z.enum(LANGS),
  version: z.number().int().min(1),
  updated: isoDate,
  indicators: z.array(z.unknown()).min(1),
});

export const sourceSchema = z.strictObject({
  id: sourceId,
  publisher: z.string().min(1),
  title: z.string().min(1),
  year: z.number().int().min(1990).max(2100),
  url: z.url(),
  /** where the quotes were read, when it is not `url` itself (a copy or a news report of it) */
  via: z.url().optional(),
  /** e.g. that the year is estimated because the copy read shows no date */
  note: z.string().min(1).optional(),
  lang: z.string().min(2).max(3),
  quotes: z.array(z.string().min(1)).min(1),
});
export type Source = z.infer<typeof sourceSchema>;

export const sourcesFileSchema = z.strictObject({
  version: z.number().int().min(1),
  updated: isoDate,
  sources: z.array(sourceSchema).min(1),
});

export const reasonsFileSchema = z.record(indicatorId, z.string().min(10).max(300));

/** `reasons.<lang>.json`: a translation of reasons.en.json, saying who made it and when in `note`. */
export const reasonTranslationFileSchema = z.strictObject({
  lang: z.enum(LANGS),
  version: z.number().int().min(1),
  updated: isoDate,
  note: z.string().min(1),
  // Scripts such as Burmese and Khmer take more code units than English for the same sentence.
  reasons: z.record(indicatorId, z.string().max(600)),
});
