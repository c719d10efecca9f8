import 'i18next';
import type en from './locales/en.json';

// English is the reference: t('some.key') fails to compile unless the key exists in en.json.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
