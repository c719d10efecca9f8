import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/locales/en.json';
import { refusalText } from './refusals.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
});

describe("a withheld category's reason", () => {
  const nothing = { reason: 'nothing_to_share', message: 'No assessment is recorded.' };

  it('says "nothing to share" of a draft in the present, and of a sent referral as of when it was sent', () => {
    expect(refusalText(i18n.t, nothing, false)).toBe('there is nothing recorded to share');
    // The page also offers "Share latest assessment": an assessment recorded since can still go.
    expect(refusalText(i18n.t, nothing, true)).toBe('there was nothing recorded to share when it was sent');
  });

  it("gives the server's message for a reason it does not know", () => {
    expect(refusalText(i18n.t, { reason: 'new_reason', message: 'Something new.' }, true)).toBe(
      'Something new.',
    );
  });
});
