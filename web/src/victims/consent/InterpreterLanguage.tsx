import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../i18n/language-name.ts';
import { languageOf } from '../../i18n/languages.ts';

// Languages interpreters are most often needed for in the region (the interface languages, other
// languages of ASEAN states and of migrants passing through them), as ISO 639 codes.
const codes = [
  'en',
  'th',
  'vi',
  'id',
  'ms',
  'fil',
  'km',
  'lo',
  'my',
  'zh',
  'yue',
  'ta',
  'tet',
  'ceb',
  'jv',
  'shn',
  'kar',
  'kac',
  'hmn',
  'bn',
  'hi',
  'ne',
  'ur',
  'si',
  'ko',
  'ja',
  'ru',
  'uz',
  'ar',
  'fr',
  'es',
  'pt',
];

export function InterpreterLanguage({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const data = useMemo(() => {
    const locale = languageOf(i18n.language).htmlLang;
    return codes.map((code) => ({ value: code, label: `${languageName(code, locale)} (${code})` }));
  }, [i18n.language]);
  return (
    <Select
      label={t('victims.consent.interpreterLanguage')}
      description={t('victims.consent.interpreterHelp')}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchable
      clearable
    />
  );
}
