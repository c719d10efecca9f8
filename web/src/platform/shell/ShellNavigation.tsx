import { Divider, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { modulesFor } from '../../modules.ts';
import { useSession } from '../session/context.ts';

type Props = { onNavigate: () => void };

/** Home, the registry's modules this user's roles may use, and the user's own account page. */
export function ShellNavigation({ onNavigate }: Props) {
  const { t } = useTranslation();
  const { user, node } = useSession();
  const { pathname } = useLocation();
  const isActive = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const visible = modulesFor(user.roles);
  return (
    <Stack gap={4}>
      {node && (
        // The header has no room for the node's name on a phone.
        <Text size="sm" c="dimmed" hiddenFrom="sm" px="sm" pb="xs">
          {t('shell.node')}: {node.name}
        </Text>
      )}
      <NavLink
        component={Link}
        to="/"
        label={t('nav.home')}
        active={pathname === '/'}
        aria-current={pathname === '/' ? 'page' : undefined}
        onClick={onNavigate}
      />
      {visible.map((module) => (
        <NavLink
          key={module.path}
          component={Link}
          to={module.path}
          label={t(`nav.${module.labelKey}`)}
          active={isActive(module.path)}
          aria-current={isActive(module.path) ? 'page' : undefined}
          data-testid={module.testId}
          onClick={onNavigate}
        />
      ))}
      <Divider my="xs" />
      <NavLink
        component={Link}
        to="/account"
        label={t('nav.account')}
        active={isActive('/account')}
        aria-current={isActive('/account') ? 'page' : undefined}
        onClick={onNavigate}
      />
    </Stack>
  );
}
