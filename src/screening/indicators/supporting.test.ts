import { describe, expect, it } from 'vitest';
import { loadScreeningModel } from '../default-model.ts';
import { screenPost } from '../pipeline.ts';
import { LexiconError } from './files.ts';
import { DOMESTIC_ADS } from './fixtures.ts';
import { parseSupportingRules } from './supporting.ts';

// "No experience needed", lodging and a chat-app contact are in the scam pitch and in ordinary
// domestic ads alike (data/indicators/supporting.json): alone they are reported and raise nothing.

const model = loadScreeningModel();
const SUPPORTING = ['no_experience_needed', 'free_food_lodging', 'contact_chat_app', 'contact_telegram_only'];

describe('red flags that count only beside another', () => {
  it.each(DOMESTIC_ADS.map((a) => [a.lang, a.text] as const))(
    'keeps a domestic ad low: %s %s',
    (lang, text) => {
      const result = screenPost(model, { text, lang });
      expect(result.indicators.filter((i) => SUPPORTING.includes(i.id)).length).toBeGreaterThanOrEqual(2);
      expect(result.level).toBe('low');
    },
  );

  it.each([
    [
      'vi',
      'Tuyển nhân viên phục vụ, không cần kinh nghiệm, bao ăn ở, làm việc tại Campuchia. Liên hệ Zalo 0912345678',
    ],
    ['th', 'รับสมัครพนักงาน ไม่ต้องมีประสบการณ์ มีที่พักให้ ทำงานที่ปอยเปต สนใจติดต่อ Line: job123'],
    [
      'en',
      'Hiring: service crew for Sihanoukville, no experience needed, free accommodation. Message us on Telegram',
    ],
  ])('counts them beside another red flag: %s %s', (lang, text) => {
    const result = screenPost(model, { text, lang });
    expect(result.level).not.toBe('low');
  });
});

describe('supporting.json', () => {
  const file = {
    version: 1,
    updated: '2026-11-24',
    note: 'test',
    indicators: ['no_experience_needed'],
    sources: ['th-doe-2025'],
  };

  it('reads a valid file', () => {
    expect([...parseSupportingRules('supporting.json', file).indicators]).toEqual(['no_experience_needed']);
  });

  it('refuses a file without indicators, naming the file and the field', () => {
    expect(() => parseSupportingRules('supporting.json', { ...file, indicators: [] })).toThrow(LexiconError);
    expect(() => parseSupportingRules('supporting.json', { ...file, indicators: [] })).toThrow(
      /supporting\.json.*indicators/,
    );
  });
});
