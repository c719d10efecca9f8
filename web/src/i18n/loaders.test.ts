import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { languageCodes } from './languages.ts';
import { english, loaders } from './resources.ts';

// English is bundled; every other language is one lazily imported chunk that holds its whole file.

const file = (code: string): unknown =>
  JSON.parse(readFileSync(new URL(`./locales/${code}.json`, import.meta.url), 'utf8'));

describe('the locale loaders', () => {
  it('cover every interface language but English, which is bundled', () => {
    expect(Object.keys(loaders).sort()).toEqual(languageCodes.filter((code) => code !== 'en').sort());
    expect(english.translation).toEqual(file('en'));
  });

  it.each(Object.entries(loaders))('%s: the chunk is the locale file', async (code, load) => {
    expect((await load()).default).toEqual(file(code));
  });
});
