import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, type LanguageCode, languageCodes, languageOf } from './languages.ts';
import { resources } from './resources.ts';

const storageKey = 'jaring.language';

export function initI18n(): void {
  const initial = preferredLanguage();
  i18next.on('languageChanged', (code) => applyToDocument(languageOf(code)));
  void i18next.use(initReactI18next).init({
    resources,
    lng: initial.code,
    fallbackLng: 'en',
    supportedLngs: [...languageCodes],
    interpolation: { escapeValue: false }, // React escapes.
    returnEmptyString: false,
    initAsync: false,
  });
  applyToDocument(initial);
}

/** Switches the interface language and remembers the choice on this device. */
export function chooseLanguage(code: LanguageCode): void {
  try {
    localStorage.setItem(storageKey, code);
  } catch {
    // Storage can be off (private browsing); the choice then lasts for this page only.
  }
  void i18next.changeLanguage(code);
}

function preferredLanguage(): Language {
  const stored = readStored();
  if (stored) return languageOf(stored);
  const browser = navigator.languages.find((tag) => languageOf(tag).code !== 'en' || tag.startsWith('en'));
  return languageOf(browser ?? 'en');
}

function readStored(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language.htmlLang;
}
