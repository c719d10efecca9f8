import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en.json';
import { entryTitle } from './timeline-text.ts';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', resources: { en: { translation: en } } });

describe('timeline entry titles', () => {
  it('names actions with one dot or several, and shows an unknown action as its code', () => {
    expect(entryTitle(i18n.t, 'case.status')).toBe('Case status changed');
    expect(entryTitle(i18n.t, 'case.referral_details.update')).toBe('Referral details changed');
    expect(entryTitle(i18n.t, 'case.referral_details.read')).toBe('Referral details viewed');
    expect(entryTitle(i18n.t, 'case.opened')).toBe('Case opened');
    expect(entryTitle(i18n.t, 'referral.sent')).toBe('Referral: Sent');
    expect(entryTitle(i18n.t, 'case.archived')).toBe('case.archived');
  });
});
