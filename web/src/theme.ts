import { Badge, createTheme, InputWrapper, type MantineThemeOverride, PasswordInput } from '@mantine/core';
import { fontFamilyFor, type Language } from './i18n/languages.ts';

type ThemeLabels = { showHidePassword: string };

/** The theme for one interface language: its script's fonts first, and translated built-in labels. */
export function themeFor(language: Language, labels: ThemeLabels): MantineThemeOverride {
  const fontFamily = fontFamilyFor(language);
  return createTheme({
    fontFamily,
    headings: { fontFamily },
    primaryColor: 'indigo',
    // Shade 7 keeps white button text above the WCAG AA contrast ratio.
    primaryShade: 7,
    components: {
      // Upper case hurts reading of translated names (and means nothing in most ASEAN scripts).
      Badge: Badge.extend({ defaultProps: { tt: 'none' } }),
      // Nearly every field is required, so the few optional ones say so instead (their description),
      // and labels stay exactly their text for assistive technology and tests.
      InputWrapper: InputWrapper.extend({ defaultProps: { withAsterisk: false } }),
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': labels.showHidePassword } },
      }),
    },
  });
}
