import { describe, expect, it } from 'vitest';
import { dateFormatter } from './dates.ts';

const day = new Date(Date.UTC(2026, 10, 5, 14, 3));

describe('dateFormatter', () => {
  it('uses Intl where it knows the language', () => {
    expect(dateFormatter('en', { time: false, timeZone: 'UTC' })(day)).toBe('Nov 5, 2026');
    expect(dateFormatter('vi', { time: false, timeZone: 'UTC' })(day)).toBe('5 thg 11, 2026');
  });

  it('writes ISO 8601 digits where it does not, never American English', () => {
    // A language no Intl has data for stands for Burmese, Khmer and Lao in Debian's chromium.
    expect(Intl.DateTimeFormat.supportedLocalesOf(['tlh'])).toEqual([]);
    expect(dateFormatter('tlh', { time: false, timeZone: 'UTC' })(day)).toBe('2026-11-05');
    expect(dateFormatter('tlh', { time: true, timeZone: 'UTC' })(day)).toBe('2026-11-05 14:03');
    const local = dateFormatter('tlh', { time: true })(day);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });
});
