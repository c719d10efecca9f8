import type { Answer, AssessmentInput, IndicatorSet } from './schema.ts';

// The form's answers per set, and the sets a person's recorded exploitation suggests.

export type AnswerState = Readonly<Record<string, Readonly<Record<string, Answer>>>>;

export function setAnswer(
  state: AnswerState,
  setId: string,
  indicatorId: string,
  answer: Answer,
): AnswerState {
  return { ...state, [setId]: { ...state[setId], [indicatorId]: answer } };
}

export function answerMap(state: AnswerState, setId: string): Map<string, Answer> {
  return new Map(Object.entries(state[setId] ?? {}));
}

/** Every answer given, in the set's order; an indicator left unanswered counts as unknown. */
export function answersFor(set: IndicatorSet, state: AnswerState): AssessmentInput['sets'][number] {
  const given = state[set.id] ?? {};
  const answers = set.indicators.flatMap((indicator) => {
    const answer = given[indicator.id];
    return answer ? [{ indicatorId: indicator.id, answer }] : [];
  });
  return { setId: set.id, answers };
}

const suggested: Readonly<Record<string, readonly string[]>> = {
  ForcedCriminality: ['criminality'],
  ForcedLabour: ['labour', 'forced_labour'],
  ChildLabour: ['labour', 'forced_labour'],
  SexualExploitation: ['sexual'],
};

/** The sets whose exploitation matches what was recorded at registration. */
export function suggestedSets(sets: readonly IndicatorSet[], exploitation: readonly string[]): string[] {
  const kinds = new Set(exploitation.flatMap((type) => suggested[type] ?? []));
  return sets.filter((set) => kinds.has(set.exploitation)).map((set) => set.id);
}
