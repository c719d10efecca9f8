import { ApiError } from '../../api.ts';

/**
 * The server's refusal of the value itself (not a phone number, handle … of the chosen kind): the
 * form says it at the field, in the reader's language, rather than in an error box that repeated it.
 */
export function isInvalidWatchValue(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.fields.some((field) => field.path === 'value' && field.code === 'invalid_identifier')
  );
}
