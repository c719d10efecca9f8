import { Stack } from '@mantine/core';
import { useState } from 'react';
import { BatchUpload } from '../batch/BatchUpload.tsx';
import { BulkUpload } from './BulkUpload.tsx';
import { ScreenForm } from './ScreenForm.tsx';

/** Screen one pasted post, a small file of posts one after another, or a file of any size on the server. */
export function CheckTab() {
  const [country, setCountry] = useState('');
  const [lang, setLang] = useState('');
  return (
    <Stack gap="xl">
      <ScreenForm country={country} lang={lang} onCountry={setCountry} onLang={setLang} />
      <BulkUpload country={country} lang={lang} />
      <BatchUpload />
    </Stack>
  );
}
