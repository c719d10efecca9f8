import type { IndicatorMatch, RiskLevel } from './types.ts';

// How indicator evidence and the model combine into one risk score, and its level.
//
//   risk = 1 − (1 − E) · (1 − MODEL_SHARE · p)
//
// E is the indicators' evidence (noisy-OR of the strongest weight per category, from published
// red flags; indicators/evidence.ts) and p the model's calibrated probability. Red flags decide; the
// model can add at most MODEL_SHARE on its own (a post without any red flag is at most "low" and
// never counted as flagged, however sure the model is), and it lifts a post with weak red flags a
// little. The share is small because the bundled model learnt scam SMS, not job posts: measured on
// ordinary job ads (src/screening/indicators/fixtures.ts and 26 real ads from job boards and
// government notices), it gives ordinary Thai and Vietnamese ads with a salary p 0.56–1.00, and with a
// share of 0.6 ads with no red flag or one weak one crossed the alert threshold. Levels: high ≥ HIGH
// (and at least one red flag), medium ≥ MEDIUM, else low. ALERT_THRESHOLD is the decision threshold
// `jaring screen eval` reports.
export const MODEL_SHARE = 0.25;
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
