import { describe, expect, it } from 'vitest';
import { analyzePost } from '../pipeline.ts';
import { combineRisk, isFlagged } from '../score.ts';
import { LexiconError } from './files.ts';
import { indicatorEvidence } from './index.ts';
import { parseSalaryRules } from './salary.ts';

// Unrealistic pay read from the amounts of a post (data/indicators/salary-tiers.json): a written-out
// currency at USD 2,500 a month or more; a currency guessed from "万" or the country at 10,000; a
// bare "$" in a Chinese or English post (US$, HK$, NT$ or S$) never. Below that, USD 1,000 is the
// weak lure band. Neither counts in a post that asks for experience, a degree or a licence.

const RULES = ['salary_far_above_market', 'salary_lure_band'];

function salaryMatches(text: string, lang: string) {
  return analyzePost({ text, lang }).indicators.filter((i) => RULES.includes(i.id));
}

function salaryFlag(
  text: string,
  lang: string,
  id = 'salary_far_above_market',
): [number, number][] | undefined {
  return salaryMatches(text, lang).find((i) => i.id === id)?.spans;
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

describe('salary tiers', () => {
  it.each([
    // BP2MI: "Dijanjikan gaji 1.000 - 1.500 dolar AS"
    ['Dijanjikan gaji 1.000 - 1.500 dolar AS per bulan', 'id'],
    ['lương 1200 USD/tháng, bao ăn ở', 'vi'],
    ['เงินเดือน 40,000 บาท ทำงานต่างประเทศ', 'th'],
  ])('reads %s as the lure band, a weak red flag', (text, lang) => {
    const found = salaryMatches(text, lang);
    expect(found.map((i) => i.id)).toEqual(['salary_lure_band']);
    expect(found[0]?.weight).toBeLessThan(0.3);
  });

  it('counts an amount for its highest tier only', () => {
    expect(salaryMatches('lương 3000 USD/tháng', 'vi').map((i) => i.id)).toEqual(['salary_far_above_market']);
    const both = salaryMatches('lương 3000 USD/tháng, thử việc 1200 USD/tháng', 'vi');
    expect(both.map((i) => i.id).sort()).toEqual(['salary_far_above_market', 'salary_lure_band']);
  });

  it('leaves a guessed currency out of the lure band', () => {
    expect(salaryMatches('月薪1万,包吃住', 'zh')).toEqual([]);
  });

  it('never flags the lure band alone, however sure the model is', () => {
    const lure = salaryMatches('Salary USD 1,500 per month', 'en');
    expect(lure.map((i) => i.id)).toEqual(['salary_lure_band']);
    expect(isFlagged({ risk: combineRisk(indicatorEvidence(lure), 1), indicators: lure })).toBe(false);
  });
});

describe('an amount that is not pay', () => {
  it.each([
    ['Cho thuê văn phòng 200m2 quận 1, giá 100 triệu/tháng', 'vi'],
    ['Condo for rent in Bangkok, 85,000 baht per month', 'en'],
    ['Dijual mobil, cicilan Rp 45 juta per bulan', 'id'],
    ['Our company revenue reached USD 50,000 per month', 'en'],
  ])('has no salary red flag: %s', (text, lang) => {
    expect(salaryMatches(text, lang)).toEqual([]);
  });

  it('still reads the salary of a job ad that also states a sales target', () => {
    const found = salaryMatches('Tuyển NV kinh doanh, lương 80 triệu, doanh số 500 triệu/tháng', 'vi');
    expect(found.map((i) => i.id)).toEqual(['salary_far_above_market']);
  });
});

describe('a post that asks for qualifications', () => {
  it.each([
    ['Senior Data Engineer, Kuala Lumpur. Salary RM 15,000 per month. At least 5 years of experience.', 'en'],
    ['Hiring Chief Engineer for container vessel, USD 12,000 per month, valid COC required', 'en'],
    ['Tuyển Trưởng phòng Kinh doanh, lương 80 triệu/tháng, tốt nghiệp đại học', 'vi'],
    ['รับสมัคร ผู้จัดการฝ่ายการเงิน เงินเดือน 120,000 บาท ปริญญาโท', 'th'],
    ['Dicari Head of Engineering, gaji Rp 80 juta per bulan, pengalaman minimal 8 tahun', 'id'],
    ['招聘高级工程师 月薪3万美元 本科以上学历', 'zh'],
  ])('has no salary red flag: %s', (text, lang) => {
    expect(salaryMatches(text, lang)).toEqual([]);
  });

  it('keeps it when the post also waives qualifications', () => {
    const text = 'No experience needed! Salary USD 3,000 per month, bachelor degree holders welcome';
    expect(salaryMatches(text, 'en').map((i) => i.id)).toEqual(['salary_far_above_market']);
  });

  it('keeps every other red flag of the post', () => {
    const text = 'Customer service in Sihanoukville, USD 3,000 per month, 2 years of experience';
    const ids = analyzePost({ text, lang: 'en' }).indicators.map((i) => i.id);
    expect(ids).toContain('hotspot_cambodia_border');
    expect(ids).not.toContain('salary_far_above_market');
  });
});

describe('a claim of high pay beside the pay the post states', () => {
  const ids = (text: string, lang: string) => analyzePost({ text, lang }).indicators.map((i) => i.id);

  it('is taken back when every stated wage is ordinary (under USD 700 a month)', () => {
    expect(ids('รับสมัครแม่บ้านประจำคอนโด รายได้ดี 15,000 บาท/เดือน มีวันหยุด', 'th')).not.toContain(
      'high_pay_promise',
    );
  });

  it('counts without an amount, or when an amount or the top of a range reaches the tier', () => {
    expect(ids('รับสมัครแม่บ้าน รายได้ดี มีวันหยุด', 'th')).toContain('high_pay_promise');
    expect(ids('รับสมัครแม่บ้าน รายได้ดี 40,000 บาท/เดือน', 'th')).toContain('high_pay_promise');
    expect(ids('รับสมัครแม่บ้าน รายได้ดี 15,000-40,000 บาท/เดือน', 'th')).toContain('high_pay_promise');
    // VND 20 million (about USD 790): the lure that warnings quote, not an ordinary wage
    expect(ids('Tuyển nhân viên, lương cao 20tr/tháng, không cần kinh nghiệm', 'vi')).toContain(
      'high_pay_promise',
    );
  });
});

describe('a country named in a post that asks for qualifications', () => {
  const ids = (text: string, lang: string) => analyzePost({ text, lang }).indicators.map((i) => i.id);

  it.each([
    ['ABA Bank is hiring a Senior Accountant in Phnom Penh. Bachelor degree, 3 years of experience.', 'en'],
    [
      'Công ty tuyển kế toán làm việc tại Phnom Penh, Campuchia. Tốt nghiệp đại học, 2 năm kinh nghiệm.',
      'vi',
    ],
    ['柬埔寨金边中资企业招聘会计，要求本科学历，三年以上工作经验', 'zh'],
    ['Lowongan guru bahasa Inggris di Phnom Penh, Kamboja. Syarat S1, berpengalaman.', 'id'],
  ])('is where the job is, not a lure: %s', (text, lang) => {
    expect(ids(text, lang)).not.toContain('hotspot_cambodia');
  });

  it('still counts without the qualifications, with them waived, and for a scam hub', () => {
    expect(ids('Hiring accountant in Phnom Penh, Cambodia', 'en')).toContain('hotspot_cambodia');
    // a salary in dollars is cancelled like the salary rules
    expect(ids('Hiring welders for Saudi Arabia, 5 years experience, salary USD 1,500', 'en')).not.toContain(
      'salary_in_usd',
    );
    expect(ids('Hiring welders for Saudi Arabia, salary USD 1,500', 'en')).toContain('salary_in_usd');
    expect(ids('Work in Cambodia, no experience needed, bachelor degree holders welcome', 'en')).toContain(
      'hotspot_cambodia',
    );
    // "berpengalaman" asks for experience; "tidak perlu berpengalaman" waives it
    expect(ids('Kerja di Kamboja, tidak perlu berpengalaman, gaji 1000 USD', 'id')).toContain(
      'hotspot_cambodia',
    );
    expect(ids('Hiring a hotel sales manager in Sihanoukville, 5 years of experience', 'en')).toContain(
      'hotspot_cambodia_border',
    );
  });
});

describe('salary-tiers.json', () => {
  const file = (rules: unknown[]) => ({
    version: 1,
    updated: '2026-11-23',
    note: 'test',
    rules,
    qualifications: { waivedBy: ['no_experience_needed'], cues: { en: ['years of experience'] } },
  });
  const rule = (id: string, min: number) => ({
    id,
    category: 'unrealistic_pay',
    weight: 0.2,
    minUsdPerMonth: min,
    maxUsdPerMonth: 100000,
    minUsdPerMonthByGuess: {},
    sources: ['id-bp2mi-2023'],
  });

  it('refuses tiers out of order', () => {
    expect(() => parseSalaryRules('t.json', file([rule('low', 1000), rule('high', 2500)]))).toThrow(
      /rule high: rules are tiers, highest minUsdPerMonth first/,
    );
  });

  it('refuses a cue not written as the matcher compares it', () => {
    const raw = file([rule('one', 1000)]);
    raw.qualifications.cues.en = ['Years of Experience'];
    expect(() => parseSalaryRules('t.json', raw)).toThrow(LexiconError);
  });
});
