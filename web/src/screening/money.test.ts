import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMoney, type MoneyPeriod, moneyPeriods } from './money.ts';

// Found by a QA pass: "20000000 IDR/month" in every language, no thousands separator.

const languages = ['en', 'th', 'vi', 'id', 'ms', 'fil', 'km', 'lo', 'my', 'zh'];
type Resource = { screening: { money?: { per?: Record<string, string> } } };

function perPeriodIn(language: string): (period: MoneyPeriod, amount: string) => string {
  const url = new URL(`../i18n/locales/${language}.json`, import.meta.url);
  const resource: Resource = JSON.parse(readFileSync(url, 'utf8'));
  return (period, amount) => {
    const sentence = resource.screening.money?.per?.[period];
    if (!sentence) throw new Error(`${language} has no screening.money.per.${period}`);
    return sentence.replace('{{amount}}', amount);
  };
}

// Intl's own spaces (U+00A0, U+202F) read as ordinary ones here.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('groups the digits and says the period in the interface language', () => {
    const idr = { amount: 20_000_000, currency: 'IDR', period: 'month' };
    expect(plain(formatMoney(idr, 'id', perPeriodIn('id')))).toBe('Rp 20.000.000 per bulan');
    const usd = { amount: 1500, currency: 'USD', period: 'month' };
    expect(formatMoney(usd, 'en', perPeriodIn('en'))).toBe('$1,500 a month');
    expect(plain(formatMoney(usd, 'vi', perPeriodIn('vi')))).toBe('1.500 US$/tháng');
  });

  it('formats a range, an amount without a period, and a code Intl does not know', () => {
    const range = { amount: 3000, amountMax: 5000, currency: 'USD', period: 'month' };
    expect(plain(formatMoney(range, 'en', perPeriodIn('en')))).toBe('$3,000 – $5,000 a month');
    expect(formatMoney({ amount: 12.5, currency: 'USD' }, 'en', perPeriodIn('en'))).toBe('$12.50');
    expect(formatMoney({ amount: 1500, currency: 'USDT' }, 'en', perPeriodIn('en'))).toBe('1,500 USDT');
  });

  it.each(languages)('%s names every period', (language) => {
    const per = perPeriodIn(language);
    for (const period of moneyPeriods) expect(per(period, 'X')).toContain('X');
  });
});
