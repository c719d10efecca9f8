import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp.ts';
import { INDICATOR_CATEGORIES, LANGS } from '../types.ts';
import { INDICATORS_DIR, LexiconError, loadLexicon, parseLexiconFile } from './load.ts';
import { unsafeRegexReason } from './safe-regex.ts';

const lexicon = loadLexicon();

function copyDir(change: (files: Map<string, unknown>) => void): string {
  const dir = tempDir('lexicon');
  const files = new Map<string, unknown>();
  const reasons = readdirSync(INDICATORS_DIR).filter((name) => name.startsWith('reasons.'));
  for (const name of [
    'en.json',
    'vi.json',
    'sources.json',
    'salary-tiers.json',
    'negation.json',
    'job-context.json',
    'licensed.json',
    'supporting.json',
    ...reasons,
  ]) {
    files.set(name, JSON.parse(readFileSync(join(INDICATORS_DIR, name), 'utf8')));
  }
  change(files);
  for (const [name, content] of files) writeFileSync(join(dir, name), JSON.stringify(content));
  return dir;
}

const entry = (over: Record<string, unknown> = {}) => ({
  id: 'light_work_high_pay',
  category: 'unrealistic_pay',
  weight: 0.4,
  patterns: ['easy job high salary'],
  sources: ['interpol-orange-notice-2023'],
  ...over,
});
const file = (indicators: unknown[]) => ({ lang: 'en', version: 1, updated: '2025-01-01', indicators });

describe('the lexicons in data/indicators', () => {
  it('has a versioned file for every language Jaring screens', () => {
    for (const lang of LANGS) {
      const version = lexicon.versions[lang];
      expect(version, lang).toBeDefined();
      expect(version?.version).toBeGreaterThanOrEqual(1);
      expect(version?.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(lexicon.entries.filter((e) => e.lang === lang).length, lang).toBeGreaterThanOrEqual(30);
    }
  });

  it('gives every indicator a source that exists, with quotes, and an English reason', () => {
    for (const e of lexicon.entries) {
      expect(e.sources.length, `${e.lang} ${e.id}`).toBeGreaterThan(0);
      for (const s of e.sources)
        expect(lexicon.sources.get(s)?.quotes.length, `${e.lang} ${e.id} ${s}`).toBeGreaterThan(0);
      expect(lexicon.reasons.get(e.id), e.id).toMatch(/\w/);
    }
  });

  it('uses every category, and one category per id across languages', () => {
    const categories = new Set(lexicon.entries.map((e) => e.category));
    for (const c of INDICATOR_CATEGORIES) expect(categories.has(c), c).toBe(true);
    const byId = new Map<string, Set<string>>();
    for (const e of lexicon.entries) byId.set(e.id, (byId.get(e.id) ?? new Set()).add(e.category));
    for (const [id, set] of byId) expect(set.size, id).toBe(1);
  });

  it('keeps generic phrases light and the signature lures heavy', () => {
    const weight = (id: string) =>
      Math.max(...lexicon.entries.filter((e) => e.id === id).map((e) => e.weight));
    expect(weight('contact_chat_app')).toBeLessThan(0.1);
    expect(weight('no_experience_needed')).toBeLessThanOrEqual(0.15);
    expect(weight('light_work_high_pay')).toBeGreaterThanOrEqual(0.4);
    expect(weight('passport_kept')).toBeGreaterThanOrEqual(0.4);
  });
});

describe('a bad lexicon entry', () => {
  it('is refused with the file and the indicator named', () => {
    expect(() => parseLexiconFile('xx/en.json', file([entry({ weight: 1.5 })]))).toThrow(
      /xx\/en\.json: indicator light_work_high_pay: weight: Too big/,
    );
    expect(() => parseLexiconFile('xx/en.json', file([entry({ category: 'scams' })]))).toThrow(
      /indicator light_work_high_pay: category/,
    );
    expect(() => parseLexiconFile('xx/en.json', file([entry({ patterns: [] })]))).toThrow(/patterns/);
    expect(() => parseLexiconFile('xx/en.json', file([entry({ sources: [] })]))).toThrow(/sources/);
  });

  it('refuses a duplicate id within a language', () => {
    expect(() => parseLexiconFile('xx/en.json', file([entry(), entry()]))).toThrow(
      /light_work_high_pay: duplicate id/,
    );
  });

  it('refuses two phrases that normalise to the same text, and a phrase with no letters', () => {
    expect(() =>
      parseLexiconFile('xx/vi.json', {
        ...file([entry({ patterns: ['việc nhẹ lương cao', 'viec nhe, luong cao'] })]),
        lang: 'vi',
      }),
    ).toThrow(/same once normalised/);
    expect(() => parseLexiconFile('xx/en.json', file([entry({ patterns: ['!!!'] })]))).toThrow(
      /no letters or digits/,
    );
  });

  it('refuses a file whose lang differs from its name', () => {
    expect(() => parseLexiconFile('xx/vi.json', file([entry()]), 'vi')).toThrow(/named for vi/);
  });

  it('refuses an unsafe regex', () => {
    expect(() => parseLexiconFile('xx/en.json', file([entry({ patterns: [{ regex: '(a+)+b' }] })]))).toThrow(
      /indicator light_work_high_pay: regex \/\(a\+\)\+b\/ refused/,
    );
  });

  it('refuses unknown sources, missing reasons and an id with two categories, across files', () => {
    const unknownSource = copyDir((files) => {
      files.set('en.json', file([entry({ sources: ['no-such-source'] })]));
    });
    expect(() => loadLexicon(unknownSource)).toThrow(
      /en\.json: indicator light_work_high_pay: unknown source "no-such-source"/,
    );

    const noReason = copyDir((files) => {
      files.set('en.json', file([entry({ id: 'brand_new_lure' })]));
    });
    expect(() => loadLexicon(noReason)).toThrow(/brand_new_lure: no English reason/);

    const twoCategories = copyDir((files) => {
      files.set('en.json', file([entry({ category: 'debt' })]));
    });
    expect(() => loadLexicon(twoCategories)).toThrow(LexiconError);
    expect(() => loadLexicon(twoCategories)).toThrow(/category .* differs/);
  });

  it('refuses a deniable indicator that no lexicon has, and a missing negation file', () => {
    const unknown = copyDir((files) => {
      const negation = files.get('negation.json') as { indicators: string[] };
      files.set('negation.json', { ...negation, indicators: [...negation.indicators, 'brand_new_lure'] });
    });
    expect(() => loadLexicon(unknown)).toThrow(/negation\.json: "brand_new_lure" is not an indicator/);
    const missing = copyDir((files) => files.delete('negation.json'));
    expect(() => loadLexicon(missing)).toThrow(/negation\.json/);
  });

  it('refuses a job-context indicator that no lexicon has, and a missing job-context file', () => {
    const unknown = copyDir((files) => {
      const rules = files.get('job-context.json') as { indicators: string[] };
      files.set('job-context.json', { ...rules, indicators: [...rules.indicators, 'brand_new_lure'] });
    });
    expect(() => loadLexicon(unknown)).toThrow(/job-context\.json: "brand_new_lure" is not an indicator/);
    const missing = copyDir((files) => files.delete('job-context.json'));
    expect(() => loadLexicon(missing)).toThrow(/job-context\.json/);
  });

  it('refuses a licensed lure that is neither an indicator nor a salary rule, an unknown source, and a missing licensed file', () => {
    const edit = (over: Record<string, unknown>) =>
      copyDir((files) => files.set('licensed.json', { ...(files.get('licensed.json') as object), ...over }));
    expect(() => loadLexicon(edit({ indicators: ['free_flight_accommodation', 'brand_new_lure'] }))).toThrow(
      /licensed\.json: "brand_new_lure" is neither an indicator of any lexicon nor a salary rule/,
    );
    expect(() => loadLexicon(edit({ sources: ['no-such-source'] }))).toThrow(
      /licensed\.json: unknown source "no-such-source"/,
    );
    expect(
      loadLexicon(edit({ indicators: ['salary_lure_band'] })).licensed.indicators.has('salary_lure_band'),
    ).toBe(true);
    expect(() => loadLexicon(copyDir((files) => files.delete('licensed.json')))).toThrow(/licensed\.json/);
  });

  it('refuses a supporting red flag that no lexicon has, an unknown source, and a missing supporting file', () => {
    const edit = (over: Record<string, unknown>) =>
      copyDir((files) =>
        files.set('supporting.json', { ...(files.get('supporting.json') as object), ...over }),
      );
    expect(() => loadLexicon(edit({ indicators: ['no_experience_needed', 'brand_new_lure'] }))).toThrow(
      /supporting\.json: "brand_new_lure" is not an indicator of any lexicon/,
    );
    expect(() => loadLexicon(edit({ sources: ['no-such-source'] }))).toThrow(
      /supporting\.json: unknown source "no-such-source"/,
    );
    expect(() => loadLexicon(copyDir((files) => files.delete('supporting.json')))).toThrow(
      /supporting\.json/,
    );
  });

  it('refuses a qualification waiver or a red flag it cancels that no lexicon has', () => {
    const unknown = copyDir((files) => {
      const tiers = files.get('salary-tiers.json') as { qualifications: Record<string, unknown> };
      files.set('salary-tiers.json', {
        ...tiers,
        qualifications: { ...tiers.qualifications, waivedBy: ['brand_new_lure'] },
      });
    });
    expect(() => loadLexicon(unknown)).toThrow(/salary-tiers\.json: "brand_new_lure" is not an indicator/);
    const unknownDropped = copyDir((files) => {
      const tiers = files.get('salary-tiers.json') as { qualifications: Record<string, unknown> };
      files.set('salary-tiers.json', {
        ...tiers,
        qualifications: { ...tiers.qualifications, indicators: ['hotspot_atlantis'] },
      });
    });
    expect(() => loadLexicon(unknownDropped)).toThrow(
      /salary-tiers\.json: "hotspot_atlantis" is not an indicator/,
    );
  });

  it('refuses a salary rule that is malformed, unsourced, unexplained, lower for a guessed currency or capped below its bar', () => {
    const rules = (over: Record<string, unknown>) => (files: Map<string, unknown>) => {
      const tiers = files.get('salary-tiers.json') as { rules: Record<string, unknown>[] };
      files.set('salary-tiers.json', { ...tiers, rules: [{ ...tiers.rules[0], ...over }] });
    };
    expect(() => loadLexicon(copyDir(rules({ minUsdPerMonth: 'lots' })))).toThrow(
      /salary-tiers\.json: rules\.0\.minUsdPerMonth/,
    );
    expect(() => loadLexicon(copyDir(rules({ sources: ['no-such-source'] })))).toThrow(
      /salary-tiers\.json: rule salary_far_above_market: unknown source "no-such-source"/,
    );
    expect(() => loadLexicon(copyDir(rules({ id: 'brand_new_rule' })))).toThrow(
      /rule brand_new_rule: no English reason/,
    );
    expect(() => loadLexicon(copyDir(rules({ minUsdPerMonthByGuess: { country: 100 } })))).toThrow(
      /minUsdPerMonthByGuess\.country is below minUsdPerMonth/,
    );
    expect(() => loadLexicon(copyDir(rules({ id: 'light_work_high_pay' })))).toThrow(
      /rule light_work_high_pay: the id is also a lexicon indicator/,
    );
    expect(() => loadLexicon(copyDir(rules({ maxUsdPerMonth: 1000 })))).toThrow(
      /maxUsdPerMonth must be above minUsdPerMonth/,
    );
  });
});

describe('unsafeRegexReason', () => {
  it.each([
    ['(a+)+', /unbounded/],
    ['(?:a{1,3}){1,3}', /nested quantifier/],
    ['(?:ab?){2}', /nested quantifier/],
    ['(a|ab){1,5}', /quantified alternation/],
    ['((a|b)){1,5}', /quantified alternation/],
    ['a*b', /unbounded/],
    ['a{2,}', /unbounded/],
    ['a{1,50}', /repeat bound/],
    ['(a)\\1', /backreferences/],
    ['(?<=ab)c', /look-behind may hold only one character/],
    ['(?<![a-z]+)\\$', /look-behind may hold only one character/],
    ['(?<=(?:a|b))c', /look-behind may hold only one character/],
    ['(ab', /invalid regex|unbalanced/],
    ['x'.repeat(300), /longer than/],
  ])('refuses %s', (src, why) => {
    expect(unsafeRegexReason(src)).toMatch(why);
  });

  it.each([
    '\\b[1-9][.,]?\\d{2,4}\\s?(?:\\$|usd|dollars?)(?![a-z])',
    '(?:usia|umur|age)\\s?:?\\s?1[3-7](?!\\d)',
    '[a-z]{1,10}(?:x|y)?',
    '\\(\\+\\)',
    '(?<![a-z])(?:\\$|usd)\\s?[1-9]\\d{3}',
    '(?<=x)y',
  ])('accepts %s', (src) => {
    expect(unsafeRegexReason(src)).toBeNull();
  });

  it('accepts every regex in the shipped lexicons', () => {
    for (const e of lexicon.entries) for (const r of e.regexes) expect(unsafeRegexReason(r), r).toBeNull();
  });
});
