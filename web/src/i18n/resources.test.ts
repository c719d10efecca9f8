import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Runs in node: reads the JSON files themselves, so it needs neither a DOM nor Vite's JSON import.

const localesDir = new URL('./locales/', import.meta.url);
const languages = ['en', 'th', 'vi', 'id', 'ms', 'fil', 'km', 'lo', 'my', 'zh'];

/** What a person sees before and around signing in: every language must translate these. */
const requiredSections = ['common', 'login', 'password', 'shell', 'nav'];
const requiredKeys = [
  'errors.invalid_credentials',
  'errors.totp_required',
  'errors.locked',
  'errors.rate_limited',
  'errors.network',
  'errors.unknown',
];

function load(language: string): Map<string, unknown> {
  const text = readFileSync(new URL(`${language}.json`, localesDir), 'utf8');
  return flatten(JSON.parse(text));
}

function flatten(value: unknown, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, value);
  }
  return into;
}

const english = load('en');
const englishRequired = [
  ...[...english.keys()].filter((key) => requiredSections.some((section) => key.startsWith(`${section}.`))),
  ...requiredKeys,
];

describe('translation resources', () => {
  it('has exactly one file per interface language', () => {
    const files = readdirSync(localesDir).filter((name) => name.endsWith('.json'));
    expect(files.map((name) => name.replace(/\.json$/, '')).sort()).toEqual([...languages].sort());
  });

  it('English covers the required keys', () => {
    for (const key of requiredKeys) expect(english.has(key), key).toBe(true);
    expect(englishRequired.length).toBeGreaterThan(requiredKeys.length);
  });

  it.each(languages)('%s: every value is a non-empty string', (language) => {
    for (const [key, value] of load(language)) {
      expect(typeof value, `${language}:${key}`).toBe('string');
      expect(String(value).trim(), `${language}:${key}`).not.toBe('');
    }
  });

  it.each(languages.filter((language) => language !== 'en'))(
    '%s: keys are a subset of English',
    (language) => {
      const extra = [...load(language).keys()].filter((key) => !english.has(key));
      expect(extra).toEqual([]);
    },
  );

  it.each(languages.filter((language) => language !== 'en'))('%s: translates login and shell', (language) => {
    const resource = load(language);
    const missing = englishRequired.filter((key) => !resource.has(key));
    expect(missing).toEqual([]);
  });

  it.each(languages.filter((language) => language !== 'en'))(
    '%s: translates every key of English, so nothing falls back to English',
    (language) => {
      const resource = load(language);
      const missing = [...english.keys()].filter((key) => !resource.has(key));
      expect(missing).toEqual([]);
    },
  );

  it.each(languages)('%s: keeps the placeholders of English', (language) => {
    const placeholders = (text: unknown) =>
      [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of load(language)) {
      expect(placeholders(value), `${language}:${key}`).toEqual(placeholders(english.get(key)));
    }
  });

  it('Burmese is Unicode, not Zawgyi', () => {
    // Zawgyi puts its stacked and variant glyphs at U+1060–U+1097 (Mon, Shan and Karen letters in
    // Unicode, never used in Burmese) and types the vowel sign E (U+1031) before its consonant,
    // which Unicode never allows at the start of a word.
    for (const [key, value] of load('my')) {
      const text = String(value);
      expect(/[\u1060-\u1097]/.test(text), `my:${key}`).toBe(false);
      expect(/(^|[\s(“"'])\u1031/.test(text), `my:${key}`).toBe(false);
    }
  });
});
