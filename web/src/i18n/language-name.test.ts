import { describe, expect, it } from 'vitest';
import { languageName } from './language-name.ts';

describe('languageName', () => {
  it("names an interpreter's language in the reader's language", () => {
    expect(languageName('my', 'en')).toBe('Burmese');
    expect(languageName('km', 'en')).toBe('Khmer');
    expect(languageName('my', 'th')).toBe('พม่า');
    expect(languageName('vi', 'zh-Hans')).toBe('越南语');
  });

  it('falls back to the code where the name is unknown or the code is malformed', () => {
    expect(languageName('qaa', 'en')).toBe('qaa');
    expect(languageName('not a tag', 'en')).toBe('not a tag');
    expect(languageName('', 'en')).toBe('');
  });
});
