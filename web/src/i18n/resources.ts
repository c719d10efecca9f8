import type { LanguageCode } from './languages.ts';
import en from './locales/en.json';

// English is bundled: it is the fallback and the first paint. The other nine are a chunk each,
// fetched when chosen (index.ts): eagerly they were most of the main bundle (about 700 KB of JSON).
export const english = { translation: en };

type Bundle = { default: Record<string, unknown> };

/** One dynamic import per language, so Vite emits each locale as its own chunk. */
export const loaders: Record<Exclude<LanguageCode, 'en'>, () => Promise<Bundle>> = {
  th: () => import('./locales/th.json'),
  vi: () => import('./locales/vi.json'),
  id: () => import('./locales/id.json'),
  ms: () => import('./locales/ms.json'),
  fil: () => import('./locales/fil.json'),
  km: () => import('./locales/km.json'),
  lo: () => import('./locales/lo.json'),
  my: () => import('./locales/my.json'),
  zh: () => import('./locales/zh.json'),
};
