import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api.ts';
import { isInvalidWatchValue } from './invalid-value.ts';

// Found by a QA pass: a 300-character value that is no phone number ran off the error box, which
// said the refusal twice (the server's summary quoted the value, then the field repeated it).

describe('isInvalidWatchValue', () => {
  it('recognises the refusal POST /api/watchlist gives a value not of its kind', () => {
    const refused = new ApiError(400, 'bad_request', 'value is not a valid phone', [
      {
        path: 'value',
        message: 'is not a valid phone',
        code: 'invalid_identifier',
        params: { kind: 'phone' },
      },
    ]);
    expect(isInvalidWatchValue(refused)).toBe(true);
  });

  it('leaves every other error to the error box', () => {
    const tooLong = new ApiError(400, 'validation_failed', 'too long', [
      { path: 'value', message: 'Too big', code: 'too_big', params: { maximum: 500 } },
    ]);
    expect(isInvalidWatchValue(tooLong)).toBe(false);
    expect(isInvalidWatchValue(new ApiError(409, 'conflict', 'already there'))).toBe(false);
    expect(isInvalidWatchValue(new Error('network'))).toBe(false);
    expect(isInvalidWatchValue(null)).toBe(false);
  });
});
