import { describe, expect, it } from 'vitest';
import { languageCodes as languages } from '../i18n/languages.ts';
import { localeStrings as locale, placeholders } from '../i18n/locale-strings.ts';

// The referral pages are used on both sides of a border: every label is translated in each of the
// ten interface languages (none left to fall back to English), with English's placeholders.

const english = locale('en');
const keys = [...english.keys()].filter((key) => key.startsWith('referrals.') || key === 'nav.referrals');

describe('referral translations', () => {
  it('has the labels the pages use', () => {
    expect(keys.length).toBeGreaterThan(80);
    expect(english.get('referrals.shared.assessedBy')).toBe(
      'Assessed by {{organisation}} on {{date}}; do not re-interview unless needed.',
    );
  });

  it.each(languages)('%s translates every referral label, keeping its placeholders', (language) => {
    const resource = locale(language);
    expect(keys.filter((key) => !resource.has(key))).toEqual([]);
    for (const key of keys)
      expect(placeholders(resource.get(key)), `${language}:${key}`).toEqual(placeholders(english.get(key)));
  });

  it.each(languages.filter((l) => l !== 'en'))(
    '%s does not leave the plain-language assessment sentence in English',
    (language) => {
      expect(locale(language).get('referrals.shared.assessedBy')).not.toBe(
        english.get('referrals.shared.assessedBy'),
      );
    },
  );
});
