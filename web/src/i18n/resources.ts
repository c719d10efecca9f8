import type { Resource } from 'i18next';
import type { LanguageCode } from './languages.ts';
import en from './locales/en.json';
import fil from './locales/fil.json';
import id from './locales/id.json';
import km from './locales/km.json';
import lo from './locales/lo.json';
import ms from './locales/ms.json';
import my from './locales/my.json';
import th from './locales/th.json';
import vi from './locales/vi.json';
import zh from './locales/zh.json';

// Every language is bundled: together they are a few tens of kilobytes, and switching must work offline.
export const resources = {
  en: { translation: en },
  th: { translation: th },
  vi: { translation: vi },
  id: { translation: id },
  ms: { translation: ms },
  fil: { translation: fil },
  km: { translation: km },
  lo: { translation: lo },
  my: { translation: my },
  zh: { translation: zh },
} satisfies Record<LanguageCode, Resource[string]>;
