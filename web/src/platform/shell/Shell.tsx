import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import classes from './Shell.module.css';
import { ShellHeader } from './ShellHeader.tsx';
import { ShellNavigation } from './ShellNavigation.tsx';
import { ShellRoutes } from './ShellRoutes.tsx';

/** The signed-in frame: header, collapsible navigation (a drawer on phones), and the routed page. */
export function Shell() {
  const { t } = useTranslation();
  const [navOpen, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="md"
    >
      <a href="#main" className={classes.skipLink}>
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <ShellHeader navOpen={navOpen} onToggleNav={toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t('shell.mainNavigation')}>
        <ShellNavigation onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <ShellRoutes />
      </AppShell.Main>
    </AppShell>
  );
}
