import { Anchor, Burger, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../session/context.ts';
import { useLogout } from '../session/useLogout.ts';
import { LanguageSelect } from './LanguageSelect.tsx';

type Props = { navOpen: boolean; onToggleNav: () => void };

export function ShellHeader({ navOpen, onToggleNav }: Props) {
  const { t } = useTranslation();
  const { user, node } = useSession();
  const logout = useLogout();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Burger
          opened={navOpen}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('shell.toggleNavigation')}
          aria-expanded={navOpen}
        />
        <Anchor component={Link} to="/" fw={700} size="lg" underline="never" c="inherit">
          {t('app.name')}
        </Anchor>
        {node && (
          <Text
            size="sm"
            c="dimmed"
            truncate="end"
            visibleFrom="sm"
            title={`${t('shell.node')}: ${node.name}`}
          >
            {node.name}
          </Text>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <LanguageSelect />
        <Anchor
          component={Link}
          to="/account"
          size="sm"
          visibleFrom="sm"
          title={t('shell.signedInAs', { name: user.displayName })}
        >
          {user.displayName}
        </Anchor>
        <Button
          variant="default"
          size="xs"
          onClick={() => logout.mutate()}
          loading={logout.isPending}
          style={{ flexShrink: 0 }}
        >
          {t('common.logout')}
        </Button>
      </Group>
    </Group>
  );
}
