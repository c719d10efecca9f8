// Language codes (ISO 639, BCP 47) named for the reader: interpreters' languages, a post's detected language. Pure.

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
