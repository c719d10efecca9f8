import { Stack } from '@mantine/core';
import { useState } from 'react';
import { BulkUpload } from './BulkUpload.tsx';
import { ScreenForm } from './ScreenForm.tsx';

/** Screen one pasted post, or a small file of posts one after another. */
export function CheckTab() {
  const [country, setCountry] = useState('');
  const [lang, setLang] = useState('');
  return (
    <Stack gap="xl">
      <ScreenForm country={country} lang={lang} onCountry={setCountry} onLang={setLang} />
      <BulkUpload country={country} lang={lang} />
    </Stack>
  );
}
