// The identification vocabulary (issue 4 §2) and the shapes the scoring works on.
export { SUBJECT_AGES, type SubjectAge } from '../consent/types.ts';

/** The shell's ten languages (web/src/i18n/locales); English is the reference text. */
export const LANGS = ['en', 'th', 'vi', 'id', 'ms', 'fil', 'km', 'lo', 'my', 'zh'] as const;
export type Lang = (typeof LANGS)[number];
export type Labels = { en: string } & Partial<Record<Lang, string>>;

export const STRENGTHS = ['strong', 'medium', 'weak'] as const;
export type Strength = (typeof STRENGTHS)[number];

/** Who a set is for: a set for children also serves a presumed child. */
export const POPULATIONS = ['adult', 'child', 'any'] as const;
export type Population = (typeof POPULATIONS)[number];

export const EXPLOITATIONS = ['labour', 'sexual', 'criminality', 'forced_labour', 'other'] as const;

/** Where a rule comes from: the cited publication, Jaring's own reading, or a node's national file. */
export const ORIGINS = ['source', 'jaring', 'national'] as const;
export type Origin = (typeof ORIGINS)[number];

export const VERIFICATIONS = ['checked', 'secondary', 'unchecked'] as const;

export const ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];

/** The officer's decision; HTCDS 2.0 vic_TraffickingStatus has the first three (htcdsTraffickingStatus). */
export const DECISIONS = ['presumed_victim', 'victim', 'not_victim', 'needs_more_information'] as const;
export type Decision = (typeof DECISIONS)[number];

export type Cite = { source: string; section?: string; page?: number; quote?: string; note?: string };

/**
 * One way a dimension turns positive: at least this many present indicators of each strength.
 * `mediumOrWeak` counts medium or weak ones beyond those `medium` and `weak` already claimed;
 * `any` counts every present indicator, whatever its strength.
 */
export type Combo = Partial<Record<Strength | 'mediumOrWeak' | 'any', number>>;

export type Rule = { id: string; anyOf: Combo[]; text: Labels; origin: Origin; cites: Cite[] };

/** Which dimensions an outcome needs: a dimension id (positive by its own rule), or a combination. */
export type Expr = string | { allOf: Expr[] } | { anyOf: Expr[] } | { dimension: string; rule: string };

export type Dimension = { id: string; labels: Labels; rule: Rule };

export type Indicator = {
  id: string;
  ref: string;
  dimension: string;
  strength: Strength | undefined;
  /** A yes here means the person was made to commit an unlawful act: raises the non-punishment flag. */
  nonPunishment: boolean;
  labels: Labels;
  explanation: Labels;
  cites: Cite[];
};

export type Outcome = {
  id: string;
  labels: Labels;
  when: Expr;
  population: 'adult' | 'child' | undefined;
  text: Labels;
  origin: Origin;
  cites: Cite[];
};

export type IndicatorSet = {
  id: string;
  /** The set's own version; a national patch appends `+<national id>.<national version>`. */
  version: string;
  labels: Labels;
  population: Population;
  exploitation: (typeof EXPLOITATIONS)[number];
  enabled: boolean;
  verification: { status: (typeof VERIFICATIONS)[number]; note: string };
  cites: Cite[];
  dimensions: Dimension[];
  indicators: Indicator[];
  outcomes: Outcome[];
  /** Extra rules outcomes refer to with `{ dimension, rule }`. */
  rules: ReadonlyMap<string, Rule>;
  origin: 'bundled' | 'national';
};

export type Source = {
  id: string;
  publisher: string;
  title: string;
  year: number;
  url: string;
  via?: string | undefined;
  lang: string;
  note?: string | undefined;
  quotes: string[];
};

export type NonPunishmentReference = {
  instrument: string;
  article: string;
  /** The instrument's and article's names in each language. */
  names: { instrument: Labels; article: Labels };
  labels: Labels;
  explanation: Labels;
  cites: Cite[];
};

/** Everything a node assesses with: the bundled sets, changed by its national file if it has one. */
export type Catalog = {
  sources: ReadonlyMap<string, Source>;
  sets: ReadonlyMap<string, IndicatorSet>;
  nonPunishment: NonPunishmentReference;
  national: { id: string; version: number; country: string; file: string } | undefined;
};
