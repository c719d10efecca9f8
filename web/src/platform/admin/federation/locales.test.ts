import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Peering is done by two countries' administrators, each in their own language: every label of the
// federation tab is translated in each of the ten interface languages, with English's placeholders.

const languages = ['en', 'th', 'vi', 'id', 'ms', 'fil', 'km', 'lo', 'my', 'zh'];

function flatten(value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else if (typeof value === 'string') {
    into.set(prefix, value);
  }
  return into;
}

const locale = (language: string) =>
  flatten(
    JSON.parse(readFileSync(new URL(`../../../i18n/locales/${language}.json`, import.meta.url), 'utf8')),
  );
const english = locale('en');
const keys = [...english.keys()].filter(
  (key) => key.startsWith('admin.federation.') || key === 'admin.tabs.federation',
);
const placeholders = (text: string | undefined) =>
  [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('federation tab translations', () => {
  it('has the labels the tab uses', () => {
    expect(keys.length).toBeGreaterThan(60);
    expect(english.get('admin.federation.invite.warningTitle')).toBe('Handle it like a password');
  });

  it.each(languages)('%s translates every federation label, keeping its placeholders', (language) => {
    const resource = locale(language);
    expect(keys.filter((key) => !resource.has(key))).toEqual([]);
    for (const key of keys)
      expect(placeholders(resource.get(key)), `${language}:${key}`).toEqual(placeholders(english.get(key)));
  });

  it.each(languages.filter((l) => l !== 'en'))('%s does not leave the warnings in English', (language) => {
    const resource = locale(language);
    for (const key of ['admin.federation.invite.warning', 'admin.federation.change.revokeWarning'])
      expect(resource.get(key), `${language}:${key}`).not.toBe(english.get(key));
  });
});
