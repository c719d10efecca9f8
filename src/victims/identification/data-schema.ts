import { z } from 'zod';
import { EXPLOITATIONS, type Expr, ORIGINS, POPULATIONS, STRENGTHS, VERIFICATIONS } from './types.ts';

// Shapes of the files in data/identification/ and of a node's national file (README.md).
// Cross-references (sources, dimensions, rules, catalogue entries) are checked by load.ts.

const str = (max: number) => z.string().trim().min(1).max(max);
const setId = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'lower-case letters, digits and -');
const key = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'lower-case letters, digits and _');
const ruleId = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'lower-case letters, digits and -');
const sourceId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'lower-case letters, digits and -');

/** A text in English and, optionally, the other nine languages (LANGS). */
const optionalText = str(2000).optional();
export const labelsSchema = z.strictObject({
  en: str(2000),
  th: optionalText,
  vi: optionalText,
  id: optionalText,
  ms: optionalText,
  fil: optionalText,
  km: optionalText,
  lo: optionalText,
  my: optionalText,
  zh: optionalText,
});

export const citeSchema = z.strictObject({
  source: sourceId,
  section: str(300).optional(),
  page: z.number().int().positive().optional(),
  quote: str(2000).optional(),
  note: str(1000).optional(),
});
const cites = z.array(citeSchema).min(1, 'needs at least one source citation');

const count = z.number().int().min(1).max(100);
export const comboSchema = z
  .strictObject({
    strong: count.optional(),
    medium: count.optional(),
    weak: count.optional(),
    mediumOrWeak: count.optional(),
    any: count.optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'a combination needs at least one count');

export const ruleSchema = z.strictObject({
  anyOf: z.array(comboSchema).min(1),
  text: labelsSchema,
  origin: z.enum(ORIGINS),
  cites,
});

export const exprSchema: z.ZodType<Expr> = z.lazy(() =>
  z.union([
    key,
    z.strictObject({ allOf: z.array(exprSchema).min(1) }),
    z.strictObject({ anyOf: z.array(exprSchema).min(1) }),
    z.strictObject({ dimension: key, rule: ruleId }),
  ]),
);

export const catalogueEntrySchema = z.strictObject({
  labels: labelsSchema,
  explanation: labelsSchema,
  cites,
});

export const setIndicatorSchema = z.strictObject({
  id: key,
  ref: key,
  dimension: key,
  strength: z.enum(STRENGTHS).optional(),
  nonPunishment: z.boolean().optional(),
});

export const outcomeSchema = z.strictObject({
  id: key,
  labels: labelsSchema,
  when: exprSchema,
  population: z.enum(['adult', 'child']).optional(),
  text: labelsSchema,
  origin: z.enum(ORIGINS),
  cites,
});

export const setSchema = z.strictObject({
  id: setId,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version such as 1.0.0'),
  labels: labelsSchema,
  population: z.enum(POPULATIONS),
  exploitation: z.enum(EXPLOITATIONS),
  enabled: z.boolean().default(true),
  verification: z.strictObject({ status: z.enum(VERIFICATIONS), note: str(2000) }),
  cites,
  dimensions: z.array(z.strictObject({ id: key, rule: ruleId })).min(1),
  indicators: z.array(setIndicatorSchema).min(1),
  outcomes: z.array(outcomeSchema).min(1),
  /** National files only: this set replaces the bundled set with the same id. */
  replaces: z.literal(true).optional(),
});

const translations = z.strictObject({ status: z.enum(['draft', 'reviewed']), note: str(2000) });

/** The parts every set file (bundled or national) may define. */
const definitions = {
  rules: z.record(ruleId, ruleSchema).default({}),
  dimensions: z.record(key, z.strictObject({ labels: labelsSchema })).default({}),
  catalogue: z.record(key, catalogueEntrySchema).default({}),
};

export const setFileSchema = z.strictObject({
  version: z.number().int().positive(),
  updated: z.iso.date(),
  translations: translations.optional(),
  ...definitions,
  sets: z.array(setSchema).min(1),
});

export const sourceSchema = z.strictObject({
  id: sourceId,
  publisher: str(500),
  title: str(500),
  year: z.number().int().min(1900).max(2100),
  url: z.url(),
  via: z.url().optional(),
  lang: z.string().regex(/^[a-z]{2,3}$/),
  note: str(2000).optional(),
  quotes: z.array(str(4000)).min(1),
});

export const sourcesFileSchema = z.strictObject({
  version: z.number().int().positive(),
  updated: z.iso.date(),
  note: str(2000).optional(),
  sources: z.array(sourceSchema).min(1),
});

export const nonPunishmentFileSchema = z.strictObject({
  version: z.number().int().positive(),
  updated: z.iso.date(),
  translations: translations.optional(),
  reference: z.strictObject({ instrument: str(500), article: str(100), cites }),
  /** The instrument's and the article's names in each language, as the flag shows them. */
  names: z.strictObject({ instrument: labelsSchema, article: labelsSchema }),
  labels: labelsSchema,
  explanation: labelsSchema,
});

/** A national change to a bundled set: indicators added or removed, dimension rules swapped. */
export const patchSchema = z.strictObject({
  set: setId,
  addIndicators: z.array(setIndicatorSchema).optional(),
  removeIndicators: z.array(key).optional(),
  dimensionRules: z.record(key, ruleId).optional(),
  outcomes: z.array(outcomeSchema).min(1).optional(),
  note: str(2000).optional(),
});

export const nationalFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'lower-case letters, digits and -'),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as TH'),
  version: z.number().int().positive(),
  updated: z.iso.date(),
  description: str(2000).optional(),
  translations: translations.optional(),
  sources: z.array(sourceSchema).default([]),
  ...definitions,
  sets: z.array(setSchema).default([]),
  patches: z.array(patchSchema).default([]),
  enable: z.array(setId).default([]),
  disable: z.array(setId).default([]),
});

export type SetFile = z.infer<typeof setFileSchema>;
export type SetEntry = z.infer<typeof setSchema>;
export type NationalFile = z.infer<typeof nationalFileSchema>;
export type RuleEntry = z.infer<typeof ruleSchema>;
