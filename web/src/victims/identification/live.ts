import type { Answer, Combo, IndicatorSet, SetIndicator } from './schema.ts';

// The live result while the officer answers: each dimension's rule (served with the set) applied to
// the indicators answered yes, as the server scores it (src/victims/identification/score.ts). The
// outcomes combine dimensions by expressions the API does not serve, so they come from the server
// once the assessment is recorded.

export type AnswerMap = ReadonlyMap<string, Answer>;
type Counts = { strong: number; medium: number; weak: number; any: number };

export type LiveDimension = {
  id: string;
  positive: boolean;
  /** The indicators answered yes: what drives the dimension. */
  present: SetIndicator[];
};

export type LiveSet = {
  setId: string;
  dimensions: LiveDimension[];
  /** Indicators answered yes that raise the non-punishment flag (ACTIP Art. 14(7)). */
  nonPunishment: SetIndicator[];
  answered: number;
};

const get = (combo: Combo, key: string) => combo[key] ?? 0;

/** Whether the counts meet one combination: `mediumOrWeak` takes what `medium` and `weak` left over. */
export function meets(combo: Combo, c: Counts): boolean {
  const medium = get(combo, 'medium');
  const weak = get(combo, 'weak');
  if (c.strong < get(combo, 'strong') || c.medium < medium || c.weak < weak) return false;
  if (c.medium - medium + (c.weak - weak) < get(combo, 'mediumOrWeak')) return false;
  return c.any >= get(combo, 'any');
}

function countOf(present: readonly SetIndicator[]): Counts {
  const counts: Counts = { strong: 0, medium: 0, weak: 0, any: present.length };
  for (const indicator of present) if (indicator.strength) counts[indicator.strength] += 1;
  return counts;
}

export function scoreLive(set: IndicatorSet, answers: AnswerMap): LiveSet {
  const yes = set.indicators.filter((indicator) => answers.get(indicator.id) === 'yes');
  return {
    setId: set.id,
    dimensions: set.dimensions.map((dimension) => {
      const present = yes.filter((indicator) => indicator.dimension === dimension.id);
      const counts = countOf(present);
      return { id: dimension.id, positive: dimension.rule.anyOf.some((c) => meets(c, counts)), present };
    }),
    nonPunishment: yes.filter((indicator) => indicator.nonPunishment),
    answered: set.indicators.filter((indicator) => answers.has(indicator.id)).length,
  };
}

/** The sets that fit the person's age: a child's sets also serve a presumed child. */
export function setsFor(sets: readonly IndicatorSet[], age: 'adult' | 'child' | 'presumed_child') {
  const wanted = age === 'adult' ? 'adult' : 'child';
  return sets.filter((set) => set.population === 'any' || set.population === wanted);
}
