import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_RECORD_TYPES } from '../src/platform/audit/actions.ts';
import { EVENT_KINDS } from '../src/referrals/tables.ts';
import { OWN_SCRIPT } from './helpers/scripts.ts';

// The audit page and a case's timeline name every audit action and record type in the reader's
// language (web/src/platform/audit/action-text.ts): each language must name each one, in its own
// script, and English names nothing that is not one.

const LANGUAGES = ['en', 'th', 'vi', 'id', 'ms', 'fil', 'km', 'lo', 'my', 'zh'] as const;

type Audit = { actions: Record<string, string>; recordTypes: Record<string, string>; referralEvent: string };
type Locale = { audit: Audit; referrals: { events: Record<string, string> } };

function locale(language: string): Locale {
  return JSON.parse(
    readFileSync(new URL(`../web/src/i18n/locales/${language}.json`, import.meta.url), 'utf8'),
  );
}

const referralKind = (action: string) => {
  const kind = action.startsWith('referral.') ? action.slice('referral.'.length) : '';
  return EVENT_KINDS.find((k) => k === kind);
};

/** Each action's title in a locale: its own, or a referral event's title. */
function titles(l: Locale): Map<string, string | undefined> {
  return new Map(
    AUDIT_ACTIONS.map((action) => {
      const kind = referralKind(action);
      const title = kind ? l.referrals.events[kind] : l.audit.actions?.[action.replaceAll('.', '_')];
      return [action, title];
    }),
  );
}

describe('audit action and record type names', () => {
  it('the catalogue lists each action and record type once', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(new Set(AUDIT_RECORD_TYPES).size).toBe(AUDIT_RECORD_TYPES.length);
    expect(new Set(AUDIT_ACTIONS.map((a) => a.replaceAll('.', '_'))).size).toBe(AUDIT_ACTIONS.length);
  });

  it('English names only catalogued actions and record types', () => {
    const en = locale('en');
    const keys = new Set(AUDIT_ACTIONS.map((a) => a.replaceAll('.', '_')));
    expect(Object.keys(en.audit.actions).filter((k) => !keys.has(k))).toEqual([]);
    const kinds = new Set<string>(EVENT_KINDS);
    expect(
      Object.keys(en.audit.actions).filter((k) => k.startsWith('referral_') && kinds.has(k.slice(9))),
    ).toEqual([]);
    expect(Object.keys(en.audit.recordTypes).sort()).toEqual([...AUDIT_RECORD_TYPES].sort());
  });

  it.each(LANGUAGES)('%s names every action and record type', (language) => {
    const l = locale(language);
    const script = OWN_SCRIPT[language];
    for (const [action, title] of titles(l)) {
      expect(title?.trim(), `${language}: ${action}`).toBeTruthy();
      if (script) expect(title, `${language}: ${action}`).toMatch(script);
    }
    for (const type of AUDIT_RECORD_TYPES) {
      const name = l.audit.recordTypes?.[type];
      expect(name?.trim(), `${language}: ${type}`).toBeTruthy();
      if (script) expect(name, `${language}: ${type}`).toMatch(script);
    }
    expect(l.audit.referralEvent).toContain('{{event}}');
  });
});
