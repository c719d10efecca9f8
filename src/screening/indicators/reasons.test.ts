import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp.ts';
import { isZawgyi } from '../text/zawgyi.ts';
import { LANGS } from '../types.ts';
import { INDICATORS_DIR, LexiconError, loadLexicon } from './load.ts';

// The reasons in the ten reader languages (data/indicators/reasons.<lang>.json) and how loading
// guards them.

const lexicon = loadLexicon();
const english = lexicon.reasons;

type TranslationFile = { lang: string; reasons: Record<string, string> } & Record<string, unknown>;

function readTranslation(lang: string): TranslationFile {
  return JSON.parse(readFileSync(join(INDICATORS_DIR, `reasons.${lang}.json`), 'utf8'));
}

/** A copy of data/indicators with `change` applied to one translation (or a new file added). */
function copyWith(name: string, content: unknown): string {
  const dir = tempDir('reasons');
  for (const file of readdirSync(INDICATORS_DIR)) {
    writeFileSync(join(dir, file), readFileSync(join(INDICATORS_DIR, file)));
  }
  writeFileSync(join(dir, name), JSON.stringify(content));
  return dir;
}

function withReasons(lang: string, change: (reasons: Record<string, string>) => void): string {
  const file = readTranslation(lang);
  change(file.reasons);
  return copyWith(`reasons.${lang}.json`, file);
}

describe('the shipped translations', () => {
  it.each(LANGS.filter((lang) => lang !== 'en'))('%s gives every indicator a reason of its own', (lang) => {
    const reasons = lexicon.reasonsByLang.get(lang);
    expect([...(reasons?.keys() ?? [])].sort()).toEqual([...english.keys()].sort());
    for (const [id, text] of reasons ?? []) {
      // translated, not copied
      expect(text, `${lang} ${id}`).not.toBe(english.get(id));
      const source = english.get(id) ?? '';
      // cited bodies and names (INTERPOL, ILO, DMW, KK Park, LINE…) are kept as written
      for (const name of source.match(/\b[A-Z]{2,}\b/g) ?? []) expect(text, `${lang} ${id}`).toContain(name);
      // so are quoted native phrases such as “việc nhẹ lương cao”
      for (const [, quoted = ''] of source.matchAll(/“([^”]+)”/g)) {
        if (/[^\p{ASCII}]/u.test(quoted)) expect(text, `${lang} ${id}`).toContain(quoted);
      }
    }
  });

  it('writes Burmese in Unicode and Chinese in simplified characters', () => {
    for (const text of lexicon.reasonsByLang.get('my')?.values() ?? []) {
      expect(isZawgyi(text), text).toBe(false);
      expect(text).toMatch(/[\u1000-\u109f]/);
    }
    // characters that differ between the scripts: the traditional forms must not appear
    for (const text of lexicon.reasonsByLang.get('zh')?.values() ?? []) {
      expect(text, text).not.toMatch(/[詐騙園區錢輕險證護業員務際國貨幣經濟網絡請]/);
    }
  });

  it('says in each file that the translation is the project’s own, and when it was made', () => {
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      const file = readTranslation(lang);
      expect(file.note, lang).toMatch(/Jaring project's own translation/);
      expect(file.updated, lang).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('loading refuses a translation that', () => {
  it('misses an id, naming the file and the indicator', () => {
    const dir = withReasons('th', (reasons) => {
      delete reasons.passport_kept;
    });
    expect(() => loadLexicon(dir)).toThrow(LexiconError);
    expect(() => loadLexicon(dir)).toThrow(/reasons\.th\.json: indicator passport_kept: no reason/);
  });

  it('has an id the English file does not have', () => {
    const dir = withReasons('vi', (reasons) => {
      reasons.pasport_kept = 'Chủ sử dụng lao động giữ hộ chiếu.';
    });
    expect(() => loadLexicon(dir)).toThrow(
      /reasons\.vi\.json: indicator pasport_kept: not in reasons\.en\.json/,
    );
  });

  it('has Burmese in Zawgyi', () => {
    const zawgyi = 'ထိုင္းႏိုင္ငံတြင္ အလုပ္ရွာေဖြေနသူမ်ား နိုင်ငံကူးလက်မှတ် (ILO)';
    expect(isZawgyi(zawgyi)).toBe(true); // the detector sees it, so the test can fail
    const dir = withReasons('my', (reasons) => {
      reasons.passport_kept = zawgyi;
    });
    expect(() => loadLexicon(dir)).toThrow(
      /reasons\.my\.json: indicator passport_kept: the reason is Zawgyi/,
    );
  });

  it('is not NFC, or is blank', () => {
    const decomposed = withReasons('vi', (reasons) => {
      reasons.passport_kept = 'Chủ sử dụng lao động giữ hộ chiếu.'.normalize('NFD');
    });
    expect(() => loadLexicon(decomposed)).toThrow(/indicator passport_kept: the reason is not in .*NFC/);
    const blank = withReasons('id', (reasons) => {
      reasons.passport_kept = '   ';
    });
    expect(() => loadLexicon(blank)).toThrow(
      /reasons\.id\.json: indicator passport_kept: the reason is empty/,
    );
  });

  it('is missing, is named for another language, or is for a language Jaring does not serve', () => {
    const missing = tempDir('reasons');
    for (const file of readdirSync(INDICATORS_DIR).filter((f) => f !== 'reasons.km.json')) {
      writeFileSync(join(missing, file), readFileSync(join(INDICATORS_DIR, file)));
    }
    expect(() => loadLexicon(missing)).toThrow(/reasons\.km\.json: missing/);
    expect(() => loadLexicon(copyWith('reasons.lo.json', readTranslation('th')))).toThrow(
      /reasons\.lo\.json: "lang" is th but the file is named for lo/,
    );
    expect(() => loadLexicon(copyWith('reasons.xx.json', readTranslation('th')))).toThrow(
      /reasons\.xx\.json: xx is not a language/,
    );
  });
});
