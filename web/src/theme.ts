import { createTheme, type MantineThemeOverride } from '@mantine/core';
import { fontFamilyFor, type Language } from './i18n/languages.ts';

/** The theme for one interface language: only the font stack differs between languages. */
export function themeFor(language: Language): MantineThemeOverride {
  const fontFamily = fontFamilyFor(language);
  return createTheme({
    fontFamily,
    headings: { fontFamily },
    primaryColor: 'indigo',
    // Shade 7 keeps white button text above the WCAG AA contrast ratio.
    primaryShade: 7,
  });
}
