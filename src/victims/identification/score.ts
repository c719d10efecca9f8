import type {
  Answer,
  Catalog,
  Combo,
  Expr,
  IndicatorSet,
  Origin,
  Rule,
  Strength,
  SubjectAge,
} from './types.ts';

// Scoring is pure: answers in, an explained result out. Only `yes` counts as present; `no` and
// `unknown` (not asked, not known) count the same for the rules, and are kept apart in the tally.

export type Counts = { strong: number; medium: number; weak: number; any: number };

export type DimensionResult = {
  id: string;
  positive: boolean;
  counts: Counts;
  /** The indicators answered yes, with their strength: what drove the dimension. */
  present: { id: string; strength: Strength | null }[];
  rule: { id: string; text: string; origin: Origin };
  /** The first combination of the rule that holds, or null. */
  matched: Combo | null;
};

export type OutcomeResult = {
  id: string;
  /** false when the outcome is for another age group than the person's */
  applicable: boolean;
  met: boolean;
  text: string;
  origin: Origin;
};

export type SetResult = {
  setId: string;
  version: string;
  verification: IndicatorSet['verification']['status'];
  tally: Record<Answer, number>;
  dimensions: DimensionResult[];
  outcomes: OutcomeResult[];
  /** Indicators answered yes that raise the non-punishment flag. */
  nonPunishment: string[];
};

export type AssessmentResult = {
  subjectAge: SubjectAge;
  sets: SetResult[];
  outcomesMet: { setId: string; outcomeId: string }[];
  nonPunishment: {
    raised: boolean;
    indicators: { setId: string; indicatorId: string }[];
    reference: { instrument: string; article: string; quote: string | null };
  };
};

export function countPresent(
  set: IndicatorSet,
  dimension: string,
  answers: ReadonlyMap<string, Answer>,
): Counts {
  const counts: Counts = { strong: 0, medium: 0, weak: 0, any: 0 };
  for (const indicator of set.indicators) {
    if (indicator.dimension !== dimension || answers.get(indicator.id) !== 'yes') continue;
    counts.any += 1;
    if (indicator.strength) counts[indicator.strength] += 1;
  }
  return counts;
}

/** Whether the counts meet one combination: `mediumOrWeak` takes what `medium` and `weak` left over. */
export function meets(combo: Combo, c: Counts): boolean {
  const medium = combo.medium ?? 0;
  const weak = combo.weak ?? 0;
  if (c.strong < (combo.strong ?? 0) || c.medium < medium || c.weak < weak) return false;
  if (c.medium - medium + (c.weak - weak) < (combo.mediumOrWeak ?? 0)) return false;
  return c.any >= (combo.any ?? 0);
}

export function firstMatch(rule: Rule, counts: Counts): Combo | null {
  return rule.anyOf.find((combo) => meets(combo, counts)) ?? null;
}

function evaluate(
  expr: Expr,
  set: IndicatorSet,
  results: ReadonlyMap<string, DimensionResult>,
  answers: ReadonlyMap<string, Answer>,
): boolean {
  if (typeof expr === 'string') return results.get(expr)?.positive ?? false;
  if ('allOf' in expr) return expr.allOf.every((e) => evaluate(e, set, results, answers));
  if ('anyOf' in expr) return expr.anyOf.some((e) => evaluate(e, set, results, answers));
  const rule = set.rules.get(expr.rule);
  return rule ? firstMatch(rule, countPresent(set, expr.dimension, answers)) !== null : false;
}

const applies = (population: 'adult' | 'child' | undefined, age: SubjectAge) =>
  population === undefined || (population === 'adult' ? age === 'adult' : age !== 'adult');

export function scoreSet(
  set: IndicatorSet,
  answers: ReadonlyMap<string, Answer>,
  age: SubjectAge,
): SetResult {
  const results = new Map<string, DimensionResult>();
  for (const d of set.dimensions) {
    const counts = countPresent(set, d.id, answers);
    const matched = firstMatch(d.rule, counts);
    results.set(d.id, {
      id: d.id,
      positive: matched !== null,
      counts,
      present: set.indicators
        .filter((x) => x.dimension === d.id && answers.get(x.id) === 'yes')
        .map((x) => ({ id: x.id, strength: x.strength ?? null })),
      rule: { id: d.rule.id, text: d.rule.text.en, origin: d.rule.origin },
      matched,
    });
  }
  const tally: Record<Answer, number> = { yes: 0, no: 0, unknown: 0 };
  for (const x of set.indicators) tally[answers.get(x.id) ?? 'unknown'] += 1;
  return {
    setId: set.id,
    version: set.version,
    verification: set.verification.status,
    tally,
    dimensions: [...results.values()],
    outcomes: set.outcomes.map((o) => {
      const applicable = applies(o.population, age);
      return {
        id: o.id,
        applicable,
        met: applicable && evaluate(o.when, set, results, answers),
        text: o.text.en,
        origin: o.origin,
      };
    }),
    nonPunishment: set.indicators
      .filter((x) => x.nonPunishment && answers.get(x.id) === 'yes')
      .map((x) => x.id),
  };
}

export type ScoreInput = {
  subjectAge: SubjectAge;
  sets: { setId: string; answers: ReadonlyMap<string, Answer> }[];
};

/** Scores sets already checked against the catalog (service.ts checks ids and ages first). */
export function scoreAssessment(catalog: Catalog, input: ScoreInput): AssessmentResult {
  const sets: SetResult[] = [];
  for (const { setId, answers } of input.sets) {
    const set = catalog.sets.get(setId);
    if (!set) throw new Error(`unknown indicator set ${setId}`);
    sets.push(scoreSet(set, answers, input.subjectAge));
  }
  const flagged = sets.flatMap((s) =>
    s.nonPunishment.map((indicatorId) => ({ setId: s.setId, indicatorId })),
  );
  const ref = catalog.nonPunishment;
  return {
    subjectAge: input.subjectAge,
    sets,
    outcomesMet: sets.flatMap((s) =>
      s.outcomes.filter((o) => o.met).map((o) => ({ outcomeId: o.id, setId: s.setId })),
    ),
    nonPunishment: {
      raised: flagged.length > 0,
      indicators: flagged,
      reference: { instrument: ref.instrument, article: ref.article, quote: ref.cites[0]?.quote ?? null },
    },
  };
}
