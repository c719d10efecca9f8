// ISO 639 codes of the languages interpreters speak, named for the reader. Pure.

/**
 * The language's name in the reader's locale (`my` → "Burmese", "พม่า", "缅甸语"), English where that
 * locale has none, and the code itself where neither knows it or it is not a language tag.
 */
export function languageName(code: string, locale: string): string {
  try {
    const names = new Intl.DisplayNames([locale, 'en'], { type: 'language', fallback: 'none' });
    return names.of(code) ?? code;
  } catch {
    // RangeError: not a well-formed language tag (a value stored before the picklist, say).
    return code;
  }
}
