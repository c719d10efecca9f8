import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { modulesFor } from '../../modules.ts';
import { isRole } from '../roles.ts';
import { useSession } from '../session/context.ts';

export function HomePage() {
  const { t } = useTranslation();
  const { user, node } = useSession();
  const visible = modulesFor(user.roles);
  return (
    <Stack>
      <Title order={1}>{t('home.welcome', { name: user.displayName })}</Title>
      <Text c="dimmed">
        {[node?.name, ...user.roles.filter(isRole).map((role) => t(`roles.${role}`))]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {visible.length === 0 ? (
        <Text>{t('home.noModules')}</Text>
      ) : (
        <>
          <Text>{t('home.intro')}</Text>
          <List>
            {visible.map((module) => (
              <List.Item key={module.path}>
                <Anchor component={Link} to={module.path}>
                  {t(`nav.${module.labelKey}`)}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
