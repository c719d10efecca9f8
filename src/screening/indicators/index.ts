import type { IndicatorMatch, NormalizedText } from '../types.ts';
import { type Lexicon, loadLexicon } from './load.ts';
import { createIndicatorMatcher, type IndicatorMatcher } from './matcher.ts';

export { indicatorEvidence } from './evidence.ts';
export { type Lexicon, LexiconError, loadLexicon } from './load.ts';
export { createIndicatorMatcher, type IndicatorMatcher } from './matcher.ts';

let current: IndicatorMatcher | undefined;

/**
 * Loads and validates data/indicators/ and compiles the automaton. Call it at start-up so a bad
 * lexicon stops the node with a clear error; otherwise the first match loads it.
 */
export function loadIndicators(lexicon: Lexicon = loadLexicon()): IndicatorMatcher {
  current = createIndicatorMatcher(lexicon);
  return current;
}

function matcher(): IndicatorMatcher {
  current ??= createIndicatorMatcher(loadLexicon());
  return current;
}

/** The red-flag indicators found in a post: one entry per indicator id, spans in the original. */
export function matchIndicators(n: NormalizedText): IndicatorMatch[] {
  return matcher().match(n);
}

/** The naive baseline (every phrase its own RegExp), same results as matchIndicators. */
export function naiveMatchIndicators(n: NormalizedText): IndicatorMatch[] {
  return matcher().matchNaive(n);
}

/** Every phrase of every lexicon, e.g. for a grep -F baseline. */
export function lexiconPhrases(): string[] {
  return matcher().phrases();
}
