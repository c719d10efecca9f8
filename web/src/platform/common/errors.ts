import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import en from '../../i18n/locales/en.json';
import { describeFields, type FieldLabels } from './field-problems.ts';

type KnownCode = keyof typeof en.errors;

function isKnownCode(code: string): code is KnownCode {
  return Object.hasOwn(en.errors, code);
}

/** What to tell the user: a sentence, and each refused field on its own line. */
export type ErrorText = { summary: string; fields: string[] };

// Refusals whose fields say all there is to say (a conflict's fields: a username taken, a person
// already linked), so the English summary, which repeats them, is left out.
const fieldRefusals = new Set(['validation_failed', 'bad_request', 'conflict']);

/**
 * An error in the interface language. A refused request with fields is headed "Please correct
 * these fields" (its English message repeats the fields); the server's English only for a code we
 * do not know.
 */
export function errorText(t: TFunction, error: unknown, labels: FieldLabels = {}): ErrorText {
  if (!(error instanceof ApiError)) return { summary: t('errors.unknown'), fields: [] };
  const fields = describeFields(t, error.fields, labels);
  if (fields.length > 0 && fieldRefusals.has(error.code)) {
    return { summary: t('errors.validation_failed'), fields };
  }
  if (isKnownCode(error.code)) return { summary: t(`errors.${error.code}`), fields };
  return { summary: error.message || t('errors.unknown'), fields };
}

/** Turns any thrown value into one line for the user: translated when the code is known. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    const { summary, fields } = errorText(t, error);
    return [summary, ...fields].join(' ');
  };
}

export function errorCode(error: unknown): string | null {
  return error instanceof ApiError ? error.code : null;
}

export function fieldErrors(error: unknown): readonly { path: string; message: string }[] {
  return error instanceof ApiError ? error.fields : [];
}
