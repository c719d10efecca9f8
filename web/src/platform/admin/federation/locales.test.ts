import { describe, expect, it } from 'vitest';
import { languageCodes as languages } from '../../../i18n/languages.ts';
import { localeStrings as locale, placeholders } from '../../../i18n/locale-strings.ts';

// Peering is done by two countries' administrators, each in their own language: every label of the
// federation tab is translated in each of the ten interface languages, with English's placeholders.

const english = locale('en');
const keys = [...english.keys()].filter(
  (key) => key.startsWith('admin.federation.') || key === 'admin.tabs.federation',
);

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
