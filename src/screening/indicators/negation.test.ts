import { describe, expect, it } from 'vitest';
import { normalize } from '../text/index.ts';
import { bareForm } from './cues.ts';
import { matchIndicators, naiveMatchIndicators } from './index.ts';
import { LexiconError } from './load.ts';
import { parseNegationRules } from './negation.ts';
import { plainNormalize } from './test-support.ts';

// A red flag the post denies ("we never keep your passport") is not a red flag: lawful recruiters
// and public notices state what they do not do (data/indicators/negation.json).

const ids = (text: string) =>
  matchIndicators(plainNormalize(text))
    .map((m) => m.id)
    .sort();

describe('denied red flags', () => {
  it.each([
    ['en', 'Hiring cashier, full time. No applicants under 18. Apply in store.', 'age_under_18_wanted'],
    ['en', 'Waiter wanted. Must be 18 or over; under 18 not accepted.', 'age_under_18_wanted'],
    ['en', 'The employer will not keep your passport.', 'passport_kept'],
    ['en', 'We never send workers on a tourist visa.', 'tourist_visa_work'],
    ['vi', 'Tuyển nhân viên bán hàng. Không tuyển lao động dưới 18 tuổi.', 'age_under_18_wanted'],
    ['vi', 'Khong tuyen lao dong duoi 18 tuoi.', 'age_under_18_wanted'],
    ['vi', 'Công ty không đưa người lao động đi bằng visa du lịch.', 'tourist_visa_work'],
    ['vi', 'Tiêm vắc xin cho trẻ từ 5 đến dưới 18 tuổi.', 'age_under_18_wanted'],
    ['id', 'Kami tidak memberangkatkan pekerja dengan visa turis.', 'tourist_visa_work'],
    ['id', 'Lowongan kasir. Tidak menerima pelamar di bawah 18 tahun.', 'age_under_18_wanted'],
    ['fil', 'Paliwanag pa nito, hindi na kasama ang placement fee.', 'recruitment_fee_debt'],
    ['th', 'รับสมัครพนักงานขาย ไม่รับอายุต่ำกว่า 18 ปี', 'age_under_18_wanted'],
    ['zh', '公司不扣押护照，证件由员工本人保管。', 'passport_kept'],
    ['zh', '未成年勿扰', 'age_under_18_wanted'],
    ['ms', 'Kami tidak mengambil pekerja bawah 18 tahun.', 'age_under_18_wanted'],
    ['km', 'មិនទទួលអាយុក្រោម ១៨ ឆ្នាំ', 'age_under_18_wanted'],
    ['lo', 'ບໍ່ຮັບອາຍຸຕໍ່າກວ່າ 18 ປີ', 'age_under_18_wanted'],
    ['my', 'အသက် ၁၈ နှစ်အောက် မလက်ခံပါ', 'age_under_18_wanted'],
  ])('%s: %s', (_lang, text, id) => {
    expect(ids(text)).not.toContain(id);
  });

  it.each([
    ['en', 'Company will keep your passport for safety.', 'passport_kept'],
    ['en', 'We accept under 18, 16 years old ok.', 'age_under_18_wanted'],
    // a clause break, or a terminator word, ends the cue's reach
    ['en', 'No experience. Tourist visa provided.', 'tourist_visa_work'],
    ['en', 'Do not worry about documents and we travel on a tourist visa to the job.', 'tourist_visa_work'],
    // the cue belongs to another red flag ("no experience needed"), and denies nothing else
    ['en', 'no experience needed tourist visa provided', 'tourist_visa_work'],
    ['vi', 'Không cần kinh nghiệm, đi bằng visa du lịch, công ty giữ hộ chiếu.', 'passport_kept'],
    ['vi', 'Không cần kinh nghiệm, đi bằng visa du lịch, công ty giữ hộ chiếu.', 'tourist_visa_work'],
    ['vi', 'Tuyển nữ dưới 18 tuổi, bao ăn ở.', 'age_under_18_wanted'],
    ['zh', '到了公司先扣押护照', 'passport_kept'],
    ['th', 'ไม่ต้องมีประสบการณ์ ใช้วีซ่าท่องเที่ยว', 'tourist_visa_work'],
    // pseudo-negations hold a cue and deny nothing
    ['en', 'No problem if you are under 18.', 'age_under_18_wanted'],
    ['th', 'ไม่จำกัดวุฒิ อายุ 16 ปีขึ้นไป', 'age_under_18_wanted'],
    ['th', 'ไม่จำกัดอายุ16ปีขึ้นไป', 'age_under_18_wanted'],
    ['zh', '年龄不限16周岁也可以', 'age_under_18_wanted'],
    ['vi', 'Không giới hạn tuổi, dưới 18 tuổi cũng nhận', 'age_under_18_wanted'],
    ['vi', 'Không phân biệt dưới 18 tuổi', 'age_under_18_wanted'],
  ])('%s keeps: %s', (_lang, text, id) => {
    expect(ids(text)).toContain(id);
  });

  it('reads cues as words of the post, not of the window: "Filipino" cut at the window is not "no"', () => {
    // one padding puts the window's first character on the "n" of "Filipino" (or "casino")
    for (const word of ['Filipino', 'casino']) {
      for (let pad = 1; pad <= 80; pad++) {
        const text = `${word} ${'w'.repeat(pad)} company will keep your passport. Do not be late.`;
        expect(ids(text), text).toContain('passport_kept');
      }
    }
  });

  it('drops only the denied span of an indicator found twice', () => {
    const text = 'We do not keep your passport here. In Bavet the boss will keep your passport.';
    const found = matchIndicators(plainNormalize(text)).find((m) => m.id === 'passport_kept');
    expect(found?.spans.map(([s, e]) => text.slice(s, e))).toEqual(['keep your passport']);
    expect(found?.spans[0]?.[0]).toBe(text.lastIndexOf('keep your passport'));
  });

  it('stays linear on a long post dense with red flags and cues', () => {
    // 8,000 age flags whose cue belongs to another flag, and 8,000 denied ones (~350 KB)
    const kept = 'no experience needed under 18 ';
    const denial = 'no applicants under 18. ';
    const text = (kept + denial).repeat(8000);
    const found = matchIndicators(plainNormalize(text));
    const age = found.find((m) => m.id === 'age_under_18_wanted');
    expect(age?.spans).toHaveLength(8000);
    expect(age?.spans.every(([s]) => text.slice(s - 'needed '.length, s) === 'needed ')).toBe(true);
  });

  it('reads cues through the real normaliser, and the naive baseline agrees', () => {
    for (const text of [
      'KHÔNG tuyển lao động dưới 18 tuổi',
      'Ｎｏ applicants under 18',
      '公司不扣押護照',
      'ไม่รับอายุต่ำกว่า 18 ปี',
    ]) {
      const n = normalize(text);
      expect(matchIndicators(n).map((m) => m.id)).toEqual([]);
      expect(naiveMatchIndicators(n)).toEqual(matchIndicators(n));
    }
    // the pseudo-negation ไม่จำกัด (no limit) holds through the normaliser too
    expect(matchIndicators(normalize('ไม่จำกัดอายุ16ปีขึ้นไป')).map((m) => m.id)).toContain('age_under_18_wanted');
  });
});

describe('parseNegationRules', () => {
  const file = {
    version: 1,
    updated: '2026-11-23',
    note: 'test',
    indicators: ['passport_kept'],
    languages: { en: { window: 40, before: ['not'], after: [], terminators: ['but'], pseudo: [] } },
  };

  it('compiles a valid file', () => {
    const rules = parseNegationRules('negation.json', file);
    expect([...rules.indicators]).toEqual(['passport_kept']);
    expect(rules.cueSets).toHaveLength(1);
  });

  it('refuses a cue not written as the matcher compares it, naming the form to use', () => {
    const bad = {
      ...file,
      languages: { vi: { window: 40, before: ['Không'], after: [], terminators: [], pseudo: [] } },
    };
    expect(() => parseNegationRules('negation.json', bad)).toThrow(LexiconError);
    expect(() => parseNegationRules('negation.json', bad)).toThrow(
      /vi: cue "Không" must be written as "khong"/,
    );
  });

  it('refuses a schema error, naming the field', () => {
    expect(() => parseNegationRules('negation.json', { ...file, indicators: ['Not An Id'] })).toThrow(
      /negation\.json: indicators\.0/,
    );
    const wide = { ...file, languages: { en: { ...file.languages.en, window: 1000 } } };
    expect(() => parseNegationRules('negation.json', wide)).toThrow(/languages\.en\.window/);
    const klingon = { ...file, languages: { tlh: file.languages.en } };
    expect(() => parseNegationRules('negation.json', klingon)).toThrow(/negation\.json: languages/);
  });

  it('writes cues in bare form: lower case, Latin diacritics removed, other scripts kept', () => {
    expect(bareForm('Không Được')).toBe('khong duoc');
    expect(bareForm('ไม่รับ')).toBe('ไม่รับ');
    expect(bareForm('မလက်ခံ')).toBe('မလက်ခံ');
  });
});
