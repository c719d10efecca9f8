// The interface languages: ASEAN member states' national languages plus English (and Chinese,
// widely used in the region). Names are written in their own script for the switcher.

export const languageCodes = ['en', 'th', 'vi', 'id', 'ms', 'fil', 'km', 'lo', 'my', 'zh'] as const;
export type LanguageCode = (typeof languageCodes)[number];

export type Language = {
  code: LanguageCode;
  /** The name in its own script. */
  nativeName: string;
  /** Value for <html lang>; BCP 47. */
  htmlLang: string;
  /** Fonts for this language's script, tried before the shared fallbacks. */
  fonts: readonly string[];
};

const notoFallbacks = [
  'Noto Sans',
  'Noto Sans Thai',
  'Noto Sans Lao',
  'Noto Sans Khmer',
  'Noto Sans Myanmar',
  'Noto Sans SC',
];
const systemFallbacks = ['system-ui', '-apple-system', '"Segoe UI"', 'Roboto', 'sans-serif'];

const english: Language = { code: 'en', nativeName: 'English', htmlLang: 'en', fonts: ['Noto Sans'] };

export const languages: readonly Language[] = [
  english,
  { code: 'th', nativeName: 'ไทย', htmlLang: 'th', fonts: ['Noto Sans Thai', 'Leelawadee UI', 'Thonburi'] },
  { code: 'vi', nativeName: 'Tiếng Việt', htmlLang: 'vi', fonts: ['Noto Sans'] },
  { code: 'id', nativeName: 'Bahasa Indonesia', htmlLang: 'id', fonts: ['Noto Sans'] },
  { code: 'ms', nativeName: 'Bahasa Melayu', htmlLang: 'ms', fonts: ['Noto Sans'] },
  { code: 'fil', nativeName: 'Filipino', htmlLang: 'fil', fonts: ['Noto Sans'] },
  { code: 'km', nativeName: 'ខ្មែរ', htmlLang: 'km', fonts: ['Noto Sans Khmer', 'Khmer UI'] },
  { code: 'lo', nativeName: 'ລາວ', htmlLang: 'lo', fonts: ['Noto Sans Lao', 'Lao UI'] },
  { code: 'my', nativeName: 'မြန်မာ', htmlLang: 'my', fonts: ['Noto Sans Myanmar', 'Myanmar Text', 'Padauk'] },
  // zh-Hans so browsers pick Simplified glyph forms for shared Han code points.
  {
    code: 'zh',
    nativeName: '中文',
    htmlLang: 'zh-Hans',
    fonts: ['Noto Sans SC', 'PingFang SC', 'Microsoft YaHei'],
  },
];

export function isLanguageCode(value: string): value is LanguageCode {
  return languageCodes.some((code) => code === value);
}

export function languageOf(code: string): Language {
  const base = code.toLowerCase().split('-')[0] ?? '';
  // Tagalog (tl) is the basis of Filipino.
  const wanted = base === 'tl' ? 'fil' : base;
  return languages.find((language) => language.code === wanted) ?? english;
}

/** CSS font-family: this language's script first, then every other script we ship, then system fonts. */
export function fontFamilyFor(language: Language): string {
  const names = [...language.fonts, ...notoFallbacks.filter((font) => !language.fonts.includes(font))];
  return [...names.map((font) => `"${font}"`), ...systemFallbacks].join(', ');
}
