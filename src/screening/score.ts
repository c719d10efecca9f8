import type { IndicatorMatch, RiskLevel } from './types.ts';

// How indicator evidence and the model combine into one risk score, and its level.
//
//   risk = 1 − (1 − E) · (1 − MODEL_SHARE · p)
//
// E is the indicators' evidence (noisy-OR of the strongest weight per category, from published
// red flags; indicators/evidence.ts) and p the model's calibrated probability. Red flags decide; the
// model can add at most MODEL_SHARE on its own, so a post without any red flag is at most "low" and
// never counted as flagged, however sure the model is. The share is small because the bundled model
// learnt scam SMS, not job posts: on ordinary job ads (src/screening/indicators/fixtures.ts and real
// ads from job boards and government notices) it gives Thai and Vietnamese ads with a salary
// p 0.56–1.00. At 0.15 one weak red flag (≤ 0.15, "no experience needed") plus the surest model stays
// under MEDIUM, while one clear red flag (≥ 0.3: a scam hub named, free flights, "việc nhẹ lương
// cao", a salary far above the market) or two weak ones in different categories reach it, unless
// every red flag of the post is a supporting one (supporting.json: "no experience needed", lodging, a
// chat app), which alone give no evidence: ordinary domestic ads say the same.
//
// Levels: high ≥ HIGH (and at least one red flag), medium ≥ MEDIUM, else low. A post is flagged
// (ALERT_THRESHOLD, the decision threshold `jaring screen eval` reports) at medium: the real
// recruitment posts that police and news warnings quote are mostly short fragments carrying one or
// two red flags (measured in bench/RESULTS.md, "Screening: recruitment posts"). A flagged post opens
// an alert for the queue (service.ts), so the queue holds what the evaluation counts as found.
export const MODEL_SHARE = 0.15;
export const HIGH = 0.7;
export const MEDIUM = 0.3;
export const ALERT_THRESHOLD = MEDIUM;

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

/** The decision `jaring screen eval` scores and the alert queue acts on: medium or high, with a red flag. */
export function isFlagged(result: {
  risk: number;
  indicators: readonly Pick<IndicatorMatch, 'weight'>[];
}): boolean {
  return result.risk >= ALERT_THRESHOLD && redFlagCount(result.indicators) > 0;
}
