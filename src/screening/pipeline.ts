import { extractIdentifiers } from './identifiers/index.ts';
import { indicatorEvidence, matchIndicators, matchSalaryIndicators } from './indicators/index.ts';
import type { FeatureInput } from './model/features.ts';
import type { Model } from './model/model.ts';
import { predict } from './model/predict.ts';
import { combineRisk, levelOf, redFlagCount } from './score.ts';
import { detectLanguages, normalize, wordTokens } from './text/index.ts';
import type { Identifier, IndicatorMatch, LangOrUnknown, ScreenInput, ScreenResult } from './types.ts';

// One post through the whole pipeline: normalise → language → identifiers and indicators (one
// pass each over the normalised text) → model (with indicator and identifier features) → risk.
// Training uses analyzePost too, so the model learns from exactly the features it predicts with.
// The model reads the post as written (its character n-grams keep evasions such as "Th0ng ba0",
// which are themselves a signal) plus the words segmented from the normalised text: measured by
// 5-fold CV on the SMS sets, this beat normalised text (vi F1 0.863 vs 0.842).

export type Analysis = {
  lang: LangOrUnknown;
  identifiers: Identifier[];
  indicators: IndicatorMatch[];
  features: FeatureInput;
};

export function analyzePost(input: Pick<ScreenInput, 'text' | 'lang' | 'country'>): Analysis {
  const n = normalize(input.text);
  const { lang } = detectLanguages(n, input.lang);
  const identifiers = extractIdentifiers(n, {
    ...(input.country ? { country: input.country } : {}),
    ...(lang !== 'und' ? { lang } : input.lang ? { lang: input.lang } : {}),
  });
  const indicators = [...matchIndicators(n), ...matchSalaryIndicators(identifiers)];
  const extra = [
    ...indicators.map((i) => `ind:${i.id}`),
    ...new Set(indicators.map((i) => `cat:${i.category}`)),
    ...new Set(identifiers.map((i) => `id:${i.kind}`)),
  ];
  const tokens = wordTokens(n.text);
  const features: FeatureInput = { text: input.text, tokens, tokensNormalised: true, extra, lang };
  if (n.folded !== undefined) features.prepared = n.folded;
  return { lang, identifiers, indicators, features };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

export function screenPost(model: Model, input: ScreenInput): ScreenResult {
  const { lang, identifiers, indicators, features } = analyzePost(input);
  const probability = predict(model, features);
  const risk = combineRisk(indicatorEvidence(indicators), probability);
  return {
    id: input.id ?? null,
    risk: round(risk),
    level: levelOf(risk, redFlagCount(indicators)),
    lang,
    indicators: indicators.map((i) => ({
      id: i.id,
      category: i.category,
      weight: i.weight,
      reason: i.reason,
      spans: i.spans,
    })),
    identifiers: identifiers.map((i) => ({
      kind: i.kind,
      value: i.value,
      normalized: i.normalized,
      spans: i.spans,
    })),
    model: { name: model.name, probability: round(probability) },
  };
}
