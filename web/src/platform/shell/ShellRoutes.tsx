import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { modules } from '../../modules.ts';
import { hasAnyRole } from '../roles.ts';
import { useSession } from '../session/context.ts';
import { Forbidden, NotFound } from './ErrorPages.tsx';
import { HomePage } from './HomePage.tsx';

const AccountPage = lazy(() =>
  import('../account/AccountPage.tsx').then((m) => ({ default: m.AccountPage })),
);

export function ShellRoutes() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <Suspense
      fallback={
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      }
    >
      <Routes>
        <Route index element={<HomePage />} />
        {modules.map((module) => (
          <Route
            key={module.path}
            path={`${module.path}/*`}
            element={hasAnyRole(user.roles, module.roles) ? <module.page /> : <Forbidden />}
          />
        ))}
        <Route path="/account/*" element={<AccountPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
