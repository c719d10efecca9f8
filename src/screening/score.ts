import type { IndicatorMatch, RiskLevel } from './types.ts';

// How indicator evidence and the model combine into one risk score, and its level.
//
//   risk = 1 − (1 − E) · (1 − MODEL_SHARE · p)
//
// E is the indicators' evidence (noisy-OR of the strongest weight per category, from published
// red flags; indicators/evidence.ts) and p the model's calibrated probability. The model can add
// at most MODEL_SHARE on its own, so a post without any red flag stays below HIGH; red flags push
// the risk up whatever the model says. Levels: high ≥ HIGH (and at least one red flag), medium ≥
// MEDIUM, else low. ALERT_THRESHOLD is the decision threshold `jaring screen eval` reports.
export const MODEL_SHARE = 0.6;
export const HIGH = 0.7;
export const MEDIUM = 0.4;
export const ALERT_THRESHOLD = 0.5;

export function combineRisk(evidence: number, probability: number): number {
  return 1 - (1 - evidence) * (1 - MODEL_SHARE * probability);
}

export function levelOf(risk: number, redFlags: number): RiskLevel {
  if (risk >= HIGH && redFlags > 0) return 'high';
  if (risk >= MEDIUM) return 'medium';
  return 'low';
}

export function redFlagCount(indicators: readonly Pick<IndicatorMatch, 'weight'>[]): number {
  return indicators.filter((i) => i.weight > 0).length;
}
