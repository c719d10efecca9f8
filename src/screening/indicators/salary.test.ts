import { describe, expect, it } from 'vitest';
import { extractIdentifiers } from '../identifiers/index.ts';
import { analyzePost } from '../pipeline.ts';
import { normalize } from '../text/index.ts';
import { loadLexicon } from './load.ts';
import { matchSalaryRules } from './salary.ts';

// Unrealistic pay read from the amounts of a post (data/indicators/salary-tiers.json): a written-out
// currency at USD 2,500 a month or more; a currency guessed from "万" or the country at 10,000; a
// bare "$" in a Chinese or English post (US$, HK$, NT$ or S$) never.

const lexicon = loadLexicon();

function salaryFlag(text: string, lang: string): [number, number][] | undefined {
  const identifiers = extractIdentifiers(normalize(text), { lang });
  return matchSalaryRules(lexicon.salaryRules, identifiers, lexicon.reasons)[0]?.spans;
}

describe('salary_far_above_market', () => {
  it.each([
    ['服務員底薪一天100美元,包吃住', 'zh', '100美元'],
    ['境外务工月薪60万元', 'zh', '60万元'],
    ['lương 3000$/tháng, bao ăn ở', 'vi', '3000$/tháng'],
    ['เงินเดือน 100,000 บาท ทำงานที่กัมพูชา', 'th', '100,000 บาท'],
    ['月收10萬不是夢', 'zh', '10萬'],
    // Polri: "no job in Myanmar or Thailand pays Rp 150 million a month"
    ['gaji Rp 150 juta sebulan di Myanmar', 'id', 'Rp 150 juta'],
    // "triệu" is only ever dong: not a guess
    ['thu nhập 80 triệu/tháng', 'vi', '80 triệu/tháng'],
  ])('flags %s', (text, lang, amount) => {
    const spans = salaryFlag(text, lang);
    expect(spans, text).toBeDefined();
    const [start, end] = spans?.[0] ?? [0, 0];
    expect(text.slice(start, end)).toContain(amount);
  });

  it.each([
    // HK$17,500 for a dishwasher (a Hong Kong ad): a bare "$" in a Chinese post is not read as US$
    ['該職位每月薪金為$17,500,每天工作9小時', 'zh'],
    ['Salary $3,000 per month, Singapore', 'en'],
    // 3萬 guessed as yuan is USD 4,200: under the bar for a guessed currency (NT$ 30,000 is ~940)
    ['月薪3萬,包吃住', 'zh'],
    ['lương 15 triệu/tháng', 'vi'],
    ['gaji Rp 12 juta per bulan', 'id'],
    ['SAR 4,110 a month for nurses', 'en'],
    // a country's exports, with "setahun" (a year) read as the period: no wage is that large
    ['Pada 2013, nilai ekspornya US$556 juta. Lalu, merosot setahun setelahnya menjadi US$175 juta.', 'id'],
  ])('does not flag %s', (text, lang) => {
    expect(salaryFlag(text, lang)).toBeUndefined();
  });

  it('reports the lower bound of a range: "1,000-5,000 USD" promises 1,000', () => {
    expect(salaryFlag('lương 1000-5000 USD/tháng', 'vi')).toBeUndefined();
    expect(salaryFlag('lương 2500-5000 USD/tháng', 'vi')).toBeDefined();
  });

  it('is one of the post indicators, with its reason', () => {
    const found = analyzePost({ text: '境外务工月薪60万元', lang: 'zh' }).indicators;
    const flag = found.find((i) => i.id === 'salary_far_above_market');
    expect(flag?.category).toBe('unrealistic_pay');
    expect(flag?.reason).toMatch(/USD 2,500/);
  });
});
