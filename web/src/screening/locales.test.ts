import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alertSources } from './vocabulary.ts';

// Every label the screening pages show is translated in all ten interface languages (not left to
// fall back to English), and every value the pages name by a label has one.

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
  flatten(JSON.parse(readFileSync(new URL(`../i18n/locales/${language}.json`, import.meta.url), 'utf8')));
const english = locale('en');
const screeningKeys = [...english.keys()].filter((key) => key.startsWith('screening.'));

describe('screening translations', () => {
  it.each(languages)('%s translates every screening label', (language) => {
    const resource = locale(language);
    const missing = screeningKeys.filter(
      (key) => !resource.has(key) && !(key.endsWith('_one') && resource.has(key.replace(/_one$/, '_other'))),
    );
    expect(missing).toEqual([]);
  });

  it.each(languages)('%s names every alert source (the server writes api, ui or batch)', (language) => {
    const resource = locale(language);
    expect(alertSources.filter((source) => !resource.get(`screening.alerts.sources.${source}`))).toEqual([]);
    expect(resource.get('screening.alerts.externalId')).toBeTruthy();
  });
});
