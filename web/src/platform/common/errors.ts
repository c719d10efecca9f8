import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import en from '../../i18n/locales/en.json';

type KnownCode = keyof typeof en.errors;

function isKnownCode(code: string): code is KnownCode {
  return Object.hasOwn(en.errors, code);
}

/** Turns any thrown value into a sentence for the user: translated when the code is known. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      if (isKnownCode(error.code)) return t(`errors.${error.code}`);
      return error.message || t('errors.unknown');
    }
    return t('errors.unknown');
  };
}

export function errorCode(error: unknown): string | null {
  return error instanceof ApiError ? error.code : null;
}

export function fieldErrors(error: unknown): readonly { path: string; message: string }[] {
  return error instanceof ApiError ? error.fields : [];
}
