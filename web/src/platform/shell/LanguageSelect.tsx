import { Group, NativeSelect, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../../i18n/index.ts';
import { isLanguageCode, languageOf, languages } from '../../i18n/languages.ts';

/** A native <select>: works with keyboards, screen readers and phone pickers alike. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <Group gap="xs" wrap="nowrap">
      <Text component="label" htmlFor={id} size="sm" visibleFrom="sm">
        {t('common.language')}
      </Text>
      <NativeSelect
        id={id}
        aria-label={t('common.language')}
        data-testid="language-select"
        w={{ base: 120, sm: 170 }}
        value={languageOf(i18n.language).code}
        onChange={(event) => {
          const code = event.currentTarget.value;
          if (isLanguageCode(code)) chooseLanguage(code);
        }}
      >
        {languages.map((language) => (
          // lang lets screen readers pronounce each name in its own language.
          <option key={language.code} value={language.code} lang={language.htmlLang}>
            {language.nativeName}
          </option>
        ))}
      </NativeSelect>
    </Group>
  );
}
