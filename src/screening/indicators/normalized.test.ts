import { describe, expect, it } from 'vitest';
import { normalize } from '../text/normalize.ts';
import { ORDINARY_ADS, SCAM_POSTS } from './fixtures.ts';
import { indicatorEvidence, matchIndicators } from './index.ts';
import { withoutDiacritics } from './test-support.ts';

// The same posts through the real text/normalize.ts: folded evasions, NFKC, region digits,
// Zawgyi, and spans mapped back through its offsets.

describe('matchIndicators after text/normalize', () => {
  it.each(SCAM_POSTS.map((p) => [p.lang, p] as const))('%s: same red flags and spans', (_, post) => {
    const results = matchIndicators(normalize(post.text));
    for (const [id, expected] of Object.entries(post.expect)) {
      const span = results.find((m) => m.id === id)?.spans[0];
      expect(span && post.text.slice(span[0], span[1]), id).toBe(expected);
    }
    expect(indicatorEvidence(results)).toBeGreaterThanOrEqual(0.6);
  });

  it('sees through filter evasions the normaliser folds', () => {
    const text = 'Việc nhẹ lương cao ở Ｃａｍｐｕｃｈｉａ, liên hệ T.e.l.e.g.r.a.m @abc';
    const ids = matchIndicators(normalize(text)).map((m) => m.id);
    expect(ids).toEqual(
      expect.arrayContaining(['light_work_high_pay', 'hotspot_cambodia', 'contact_telegram_only']),
    );
    const telegram = matchIndicators(normalize(text)).find((m) => m.id === 'contact_telegram_only')?.spans[0];
    expect(telegram && text.slice(telegram[0], telegram[1])).toBe('T.e.l.e.g.r.a.m');
  });

  it('reads Thai, Khmer and Burmese digits as digits', () => {
    expect(matchIndicators(normalize('รับสมัคร อายุ ๑๖ ปีขึ้นไป')).map((m) => m.id)).toContain(
      'age_under_18_wanted',
    );
    expect(matchIndicators(normalize('ជ្រើសរើស អាយុ 16 ឆ្នាំ')).map((m) => m.id)).toContain(
      'age_under_18_wanted',
    );
  });

  it('finds the Vietnamese red flags without diacritics too', () => {
    for (const post of SCAM_POSTS.filter((p) => p.lang === 'vi')) {
      const ids = (text: string) =>
        matchIndicators(normalize(text))
          .map((m) => m.id)
          .sort();
      expect(ids(withoutDiacritics(post.text))).toEqual(ids(post.text));
    }
  });

  it.each(ORDINARY_ADS.map((a) => [a.lang, a.text] as const))('%s ordinary ad stays low: %s', (_, text) => {
    expect(indicatorEvidence(matchIndicators(normalize(text)))).toBeLessThan(0.35);
  });
});
