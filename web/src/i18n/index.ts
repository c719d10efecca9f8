import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, type LanguageCode, languageCodes, languageOf } from './languages.ts';
import { english, loaders } from './resources.ts';

const storageKey = 'jaring.language';

/**
 * Loads the language's strings unless they are here (English always is). Resolves to false when they
 * cannot be fetched (offline, a deploy replaced the chunk): the interface keeps its language.
 */
export async function loadLanguage(code: LanguageCode): Promise<boolean> {
  if (code === 'en' || i18next.hasResourceBundle(code, 'translation')) return true;
  try {
    const bundle = await loaders[code]();
    i18next.addResourceBundle(code, 'translation', bundle.default, true, true);
    return true;
  } catch (err) {
    console.warn(`the ${code} interface strings could not be loaded`, err);
    return false;
  }
}

/** Starts i18next in the preferred language; resolves once its strings are loaded (render then). */
export async function initI18n(): Promise<void> {
  const preferred = preferredLanguage();
  i18next.on('languageChanged', (code) => applyToDocument(languageOf(code)));
  await i18next.use(initReactI18next).init({
    resources: { en: english },
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...languageCodes],
    interpolation: { escapeValue: false }, // React escapes.
    returnEmptyString: false,
    initAsync: false,
  });
  applyToDocument(languageOf('en'));
  if (preferred.code !== 'en' && (await loadLanguage(preferred.code))) {
    await i18next.changeLanguage(preferred.code);
  }
}

let latest: LanguageCode | undefined;

/**
 * Switches the interface language and remembers the choice on this device. The switch happens once
 * the language's strings are loaded, so no raw key shows; of quick successive choices the last wins.
 */
export async function chooseLanguage(code: LanguageCode): Promise<void> {
  try {
    localStorage.setItem(storageKey, code);
  } catch {
    // Storage can be off (private browsing); the choice then lasts for this page only.
  }
  latest = code;
  if (!(await loadLanguage(code)) || latest !== code) return;
  await i18next.changeLanguage(code);
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
