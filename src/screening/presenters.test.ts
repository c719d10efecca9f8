import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../platform/paths.ts';
import { presentAlert, presentScreenResult } from './presenters.ts';
import type { AlertRow } from './repo.ts';
import type { ScreenResult } from './types.ts';

// The presenters without a browser, a server or a database: reasons in the reader's language.

const thai: Record<string, string> = JSON.parse(
  readFileSync(repoPath('data/indicators/reasons.th.json'), 'utf8'),
).reasons;
const english: Record<string, string> = JSON.parse(
  readFileSync(repoPath('data/indicators/reasons.en.json'), 'utf8'),
);

const stored: ScreenResult = {
  id: 'post-7',
  risk: 0.93,
  level: 'high',
  lang: 'vi',
  indicators: [
    {
      id: 'light_work_high_pay',
      category: 'unrealistic_pay',
      weight: 0.45,
      reason: english.light_work_high_pay ?? '',
      spans: [[0, 18]],
    },
    {
      id: 'retired_indicator',
      category: 'debt',
      weight: 0.2,
      reason: 'A reason stored before this indicator left the lexicon.',
      spans: [[20, 25]],
    },
  ],
  identifiers: [{ kind: 'telegram', value: '@kk_jobs88', normalized: 'kk_jobs88', spans: [[30, 40]] }],
  model: { name: 'default', probability: 0.8 },
};

describe('presentScreenResult', () => {
  it('gives each reason in the reader’s language and keeps everything else as it was', () => {
    const out = presentScreenResult(stored, 'th');
    expect(out.indicators[0]?.reason).toBe(thai.light_work_high_pay);
    expect(out.indicators[0]?.reason).toContain('“việc nhẹ lương cao”');
    expect(out).toEqual({
      ...stored,
      indicators: [{ ...stored.indicators[0], reason: thai.light_work_high_pay }, stored.indicators[1]],
    });
  });

  it('keeps the stored reason of an id the lexicon no longer has', () => {
    expect(presentScreenResult(stored, 'zh').indicators[1]?.reason).toBe(stored.indicators[1]?.reason);
  });

  it('gives English to an English reader, and the same shape whatever the language', () => {
    expect(presentScreenResult(stored, 'en')).toEqual(stored);
    const keys = (r: ScreenResult) => [Object.keys(r), ...r.indicators.map((i) => Object.keys(i))];
    for (const lang of ['km', 'my', 'fil'] as const) {
      expect(keys(presentScreenResult(stored, lang))).toEqual(keys(stored));
    }
  });

  it('lists its fields, so a stray field in a stored result does not leak', () => {
    const withExtra = { ...stored, secret: 'x', model: { ...stored.model, path: '/srv/model.json' } };
    const out = presentScreenResult(withExtra, 'vi');
    expect(out).not.toHaveProperty('secret');
    expect(out.model).toEqual({ name: 'default', probability: 0.8 });
  });
});

describe('money identifiers', () => {
  const money = {
    kind: 'money' as const,
    value: '20 juta/bulan',
    normalized: '20000000 IDR/month',
    spans: [[5, 18]] satisfies [number, number][],
    details: {
      amount: 20_000_000,
      currency: 'IDR',
      period: 'month',
      usdPerMonth: 1227,
      ratesAsOf: '2026-01',
    },
  };

  it('give the amount as numbers for the reader to format, and keep normalized as it was', () => {
    const out = presentScreenResult({ ...stored, identifiers: [money] }, 'id');
    expect(out.identifiers).toEqual([
      {
        kind: 'money',
        value: '20 juta/bulan',
        normalized: '20000000 IDR/month',
        spans: [[5, 18]],
        money: { amount: 20_000_000, currency: 'IDR', period: 'month' },
      },
    ]);
  });

  it('give no amount for a stored result without its details', () => {
    const { details: _, ...bare } = money;
    const out = presentScreenResult({ ...stored, identifiers: [bare] }, 'id');
    expect(out.identifiers[0]).not.toHaveProperty('money');
    expect(out.identifiers[0]?.normalized).toBe('20000000 IDR/month');
  });
});

describe('presentAlert', () => {
  const row: AlertRow = {
    id: '00000000-0000-4000-8000-000000000001',
    agency_id: '00000000-0000-4000-8000-000000000002',
    source: 'api',
    batch_id: null,
    external_id: 'post-7',
    post_text_enc: 'jf1.k1.sealed',
    result_enc: 'jf1.k1.sealed',
    identifier_keys: ['token'],
    post_url: null,
    country: 'VN',
    posted_at: null,
    lang: 'vi',
    risk: 0.93,
    level: 'high',
    watchlist_hits: [],
    status: 'open',
    assignee_id: null,
    review_reason: null,
    reviewed_by: null,
    reviewed_at: null,
    created_by: null,
    created_at: new Date('2026-11-22T10:00:00Z'),
  };
  const text = 'Việc nhẹ lương cao …';

  it('presents the opened result in the reader’s language, and never a sealed column', () => {
    const alert = presentAlert(row, { text, result: stored, tampered: [] }, 'th');
    expect(alert.result?.indicators[0]?.reason).toBe(thai.light_work_high_pay);
    expect(alert.text).toBe(text);
    expect(alert.excerpt).toBe(text);
    expect(alert.integrity).toEqual({ status: 'ok', tamperedFields: [] });
    for (const hidden of ['agency_id', 'post_text_enc', 'result_enc', 'identifier_keys']) {
      expect(alert).not.toHaveProperty(hidden);
    }
    expect(JSON.stringify(alert)).not.toContain('jf1.');
  });

  it('shows a tampered post or result as null, and says so', () => {
    const alert = presentAlert(row, { text: null, result: null, tampered: ['text', 'result'] }, 'th');
    expect(alert).toMatchObject({ text: null, excerpt: null, result: null });
    expect(alert.integrity).toEqual({ status: 'tampered', tamperedFields: ['text', 'result'] });
  });
});
