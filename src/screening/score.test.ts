import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALERT_THRESHOLD, combineRisk, HIGH, isFlagged, levelOf } from './score.ts';

describe('risk: indicator evidence combined with the model', () => {
  it('never flags a post on the model alone, however sure it is', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => {
        const risk = combineRisk(0, p);
        expect(risk).toBeLessThan(ALERT_THRESHOLD);
        expect(levelOf(risk, 0)).not.toBe('high');
      }),
    );
  });

  it('rises with evidence and with the model, and stays in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (e, p, more) => {
          const risk = combineRisk(e, p);
          expect(risk).toBeGreaterThanOrEqual(0);
          expect(risk).toBeLessThanOrEqual(1);
          expect(combineRisk(Math.min(1, e + more), p)).toBeGreaterThanOrEqual(risk);
          expect(combineRisk(e, Math.min(1, p + more))).toBeGreaterThanOrEqual(risk);
        },
      ),
    );
  });

  it('flags one clear red flag (weight ≥ 0.3) whatever the model says, never one weak one (≤ 0.15) alone', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => {
        expect(combineRisk(0.3, p)).toBeGreaterThanOrEqual(ALERT_THRESHOLD);
        expect(combineRisk(0.15, p)).toBeLessThan(ALERT_THRESHOLD);
      }),
    );
  });

  it('is high only with a red flag', () => {
    expect(levelOf(HIGH, 0)).toBe('medium');
    expect(levelOf(HIGH, 1)).toBe('high');
  });

  it('flags a post (and so opens an alert) at medium or high with a red flag, never without one', () => {
    const flag = { weight: 0.3 };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (risk, withFlag) => {
        const indicators = withFlag ? [flag] : [];
        const flagged = isFlagged({ risk, indicators });
        expect(flagged).toBe(withFlag && risk >= ALERT_THRESHOLD);
        if (flagged) expect(levelOf(risk, indicators.length)).not.toBe('low');
      }),
    );
  });
});
