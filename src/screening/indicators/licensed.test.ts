import { describe, expect, it } from 'vitest';
import { analyzePost } from '../pipeline.ts';
import { LexiconError } from './files.ts';
import { parseLicensedRules } from './licensed.ts';

// A licensed agency's ad for work abroad states free flights, lodging and no fees, as scam ads do;
// it also shows its licence (POEA Rules, section 68), and then those lures do not count.

const ids = (text: string, lang: string) => analyzePost({ text, lang }).indicators.map((i) => i.id);

describe('a post that gives a recruitment licence', () => {
  it.each([
    [
      'URGENT HIRING: Factory Workers for Taiwan. Free airfare and accommodation. DMW License No. 045-LB-2023.',
      'en',
    ],
    [
      'HIRING FOR SAUDI ARABIA: Housekeepers. Free food and accommodation, free round trip ticket, free air ticket. POEA License No. POEA-123-LB-030519-R.',
      'en',
    ],
    ['Lowongan ke Taiwan, tiket pesawat ditanggung, PT resmi dengan SIP3MI nomor 123', 'id'],
    ['รับสมัครแรงงานไปไต้หวัน ฟรีตั๋วเครื่องบิน บริษัทจัดหางาน ใบอนุญาตจัดหางานเลขที่ 123/2560', 'th'],
    // an official channel counts as a licence
    ['รับสมัครคนงานไปทำงานฟาร์มที่อิสราเอล ที่พักฟรี ไม่มีค่าใช้จ่าย สมัครผ่านกรมการจัดหางาน', 'th'],
  ])('drops the lures a lawful ad carries: %s', (text, lang) => {
    const found = ids(text, lang);
    expect(found).not.toContain('free_flight_accommodation');
    expect(found).not.toContain('free_food_lodging');
  });

  it('keeps the same lures without a licence', () => {
    expect(ids('URGENT HIRING: Factory Workers for Taiwan. Free airfare and accommodation.', 'en')).toContain(
      'free_flight_accommodation',
    );
  });

  it('keeps every other red flag, so a fake licence hides only the lures', () => {
    const found = ids(
      'Customer service in Sihanoukville, free airfare, POEA license 123, contact Telegram only',
      'en',
    );
    expect(found).toContain('hotspot_cambodia_border');
    expect(found).not.toContain('free_flight_accommodation');
  });

  it('drops the lure band too', () => {
    expect(ids('Factory work in Taiwan, USD 1,200 a month', 'en')).toContain('salary_lure_band');
    expect(ids('Factory work in Taiwan, USD 1,200 a month, DMW license 045-LB-2023', 'en')).not.toContain(
      'salary_lure_band',
    );
  });
});

describe('licensed.json', () => {
  const file = {
    version: 1,
    updated: '2026-11-23',
    note: 'test',
    indicators: ['free_flight_accommodation'],
    cues: { en: ['poea license'] },
    sources: ['ph-poea-rules-2016-advertisements'],
  };

  it('refuses a cue not written as the matcher compares it', () => {
    expect(() => parseLicensedRules('t.json', { ...file, cues: { en: ['POEA License'] } })).toThrow(
      /t\.json: en: cue "POEA License" must be written as "poea license"/,
    );
  });

  it('refuses a file without cues or indicators', () => {
    expect(() => parseLicensedRules('t.json', { ...file, cues: {} })).toThrow(/t\.json: no cues/);
    expect(() => parseLicensedRules('t.json', { ...file, indicators: [] })).toThrow(LexiconError);
  });
});
