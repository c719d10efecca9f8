import type { Identifier, IndicatorMatch, Lang, NormalizedText } from '../types.ts';
import { dropHotspotsInAccounts } from './accounts.ts';
import { combineEvidence } from './evidence.ts';
import { dropAtHome, dropOutOfContext, type PostOrigin } from './job-context.ts';
import { dropLicensedLures } from './licensed.ts';
import { type Lexicon, loadLexicon } from './load.ts';
import { createIndicatorMatcher, type IndicatorMatcher } from './matcher.ts';
import { dropDenied } from './negation.ts';
import { dropOrdinaryPayClaims, dropQualified, matchSalaryRules } from './salary.ts';

export { type Lexicon, LexiconError, loadLexicon } from './load.ts';
export { createIndicatorMatcher, type IndicatorMatcher } from './matcher.ts';

type Loaded = { matcher: IndicatorMatcher; lexicon: Lexicon };
let current: Loaded | undefined;

const build = (lexicon: Lexicon): Loaded => ({ matcher: createIndicatorMatcher(lexicon), lexicon });

/**
 * Loads and validates data/indicators/ and compiles the automaton. Call it at start-up so a bad
 * lexicon stops the node with a clear error; otherwise the first match loads it.
 */
export function loadIndicators(lexicon: Lexicon = loadLexicon()): IndicatorMatcher {
  current = build(lexicon);
  return current.matcher;
}

/** Loads and checks data/indicators/ once (a LexiconError names a bad file): call it at start-up. */
export function ensureIndicators(): void {
  loaded();
}

function loaded(): Loaded {
  current ??= build(loadLexicon());
  return current;
}

function matcher(): IndicatorMatcher {
  return loaded().matcher;
}

/** The reason for indicator `id` in `lang`, from the loaded lexicon; undefined for an unknown id. */
export function indicatorReason(id: string, lang: Lang): string | undefined {
  return loaded().lexicon.reasonsByLang.get(lang)?.get(id);
}

/**
 * The red-flag indicators found in a post: one entry per indicator id, spans in the original.
 * `origin` (the post's language and country, when known) drops a country named at home.
 */
export function matchIndicators(n: NormalizedText, origin: PostOrigin = {}): IndicatorMatch[] {
  const { matcher, lexicon } = loaded();
  return afterMatching(lexicon, n, matcher.match(n), origin);
}

/**
 * The red flags read from a post's amounts (a salary far above what such work pays); `others` are
 * the post's red flags from its words (a post that waives qualifications).
 */
export function matchSalaryIndicators(
  n: NormalizedText,
  identifiers: readonly Identifier[],
  others: readonly IndicatorMatch[],
): IndicatorMatch[] {
  const { lexicon } = loaded();
  const found = matchSalaryRules(lexicon.salary, n, identifiers, others, lexicon.reasons);
  return dropLicensedLures(lexicon.licensed, n, found);
}

/**
 * A post's red flags as the pipeline reads them: from its words (matchIndicators, less a hotspot
 * named only inside a handle or link, before the rule files read them), less a high-pay claim its
 * stated ordinary wage takes back, and from its amounts (matchSalaryIndicators).
 */
export function matchPostIndicators(
  n: NormalizedText,
  identifiers: readonly Identifier[],
  origin: PostOrigin = {},
): IndicatorMatch[] {
  const { matcher, lexicon } = loaded();
  const named = dropHotspotsInAccounts(matcher.match(n), identifiers);
  const words = dropOrdinaryPayClaims(lexicon.salary, identifiers, afterMatching(lexicon, n, named, origin));
  return [...words, ...matchSalaryIndicators(n, identifiers, words)];
}

/** What the rule files take back from the automaton's matches: denied, at home, qualified, out of context, licensed. */
function afterMatching(
  lexicon: Lexicon,
  n: NormalizedText,
  matches: IndicatorMatch[],
  origin: PostOrigin,
): IndicatorMatch[] {
  const abroad = dropAtHome(lexicon.jobContext, origin, dropDenied(lexicon.negation, n, matches));
  const inContext = dropOutOfContext(lexicon.jobContext, n, dropQualified(lexicon.salary, n, abroad));
  return dropLicensedLures(lexicon.licensed, n, inContext);
}

/**
 * How much a post's red flags say, in [0, 1) (evidence.ts): noisy-OR of the strongest weight per
 * category; none if its only red flags are supporting ones (supporting.json).
 */
export function indicatorEvidence(
  matches: readonly Pick<IndicatorMatch, 'id' | 'category' | 'weight'>[],
): number {
  return combineEvidence(matches, loaded().lexicon.supporting.indicators);
}

/** The naive baseline (every phrase its own RegExp), same results as matchIndicators. */
export function naiveMatchIndicators(n: NormalizedText, origin: PostOrigin = {}): IndicatorMatch[] {
  const { matcher, lexicon } = loaded();
  return afterMatching(lexicon, n, matcher.matchNaive(n), origin);
}

/** Every phrase of every lexicon, e.g. for a grep -F baseline. */
export function lexiconPhrases(): string[] {
  return matcher().phrases();
}
