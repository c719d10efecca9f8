import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The victims pages are used in the field in all ten interface languages: every label must be
// translated in each (not left to fall back to English), and every picklist value the pages show
// (from the HTCDS catalogue, data/htcds/fields.json) must have a label.

const languages = ['en', 'th', 'vi', 'id', 'ms', 'fil', 'km', 'lo', 'my', 'zh'];

function read(path: URL): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function flatten(value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else if (typeof value === 'string') {
    into.set(prefix, value);
  }
  return into;
}

const locale = (language: string) =>
  flatten(read(new URL(`../i18n/locales/${language}.json`, import.meta.url)));
const english = locale('en');
const victimsKeys = [...english.keys()].filter((key) => key.startsWith('victims.') || key === 'nav.victims');

describe('victims translations', () => {
  it.each(languages)('%s translates every victims label', (language) => {
    const resource = locale(language);
    const missing = victimsKeys.filter((key) => {
      if (resource.has(key)) return false;
      // Languages without a singular form give only the `_other` plural.
      return !(key.endsWith('_one') && resource.has(key.replace(/_one$/, '_other')));
    });
    expect(missing).toEqual([]);
  });

  it('labels every value of the picklists the pages show, as the catalogue lists them', () => {
    const catalogue = read(new URL('../../../data/htcds/fields.json', import.meta.url));
    const fields = new Map<string, string[]>();
    if (
      catalogue &&
      typeof catalogue === 'object' &&
      'fields' in catalogue &&
      Array.isArray(catalogue.fields)
    ) {
      for (const f of catalogue.fields)
        fields.set(f.field, [...(f.values ?? []), ...(f.extensionValues ?? [])]);
    }
    const labelled = new Map<string, string[]>();
    for (const key of english.keys()) {
      const [, field, value] = key.match(/^victims\.values\.([^.]+)\.(.+)$/) ?? [];
      if (field && value) labelled.set(field, [...(labelled.get(field) ?? []), value]);
    }
    expect(labelled.size).toBeGreaterThan(5);
    for (const [field, labels] of labelled) {
      expect(fields.has(field), field).toBe(true);
      expect([...labels].sort(), field).toEqual([...(fields.get(field) ?? [])].sort());
    }
  });
});
