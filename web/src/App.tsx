import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { languageOf } from './i18n/languages.ts';
import { AuthGate } from './platform/session/AuthGate.tsx';
import { createQueryClient } from './queryClient.ts';
import { themeFor } from './theme.ts';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LanguageTheme>
        <BrowserRouter>
          <AuthGate />
        </BrowserRouter>
      </LanguageTheme>
    </QueryClientProvider>
  );
}

/** Re-themes when the language changes, so each script gets its own font stack first. */
function LanguageTheme({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const showHidePassword = t('common.showHide');
  const theme = useMemo(
    () => themeFor(languageOf(i18n.language), { showHidePassword }),
    [i18n.language, showHidePassword],
  );
  return <MantineProvider theme={theme}>{children}</MantineProvider>;
}
