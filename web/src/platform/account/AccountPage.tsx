import { Card, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRole } from '../roles.ts';
import { useSession } from '../session/context.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { TotpSection } from './TotpSection.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  const { user, node } = useSession();
  const roleNames = user.roles.map((role) => (isRole(role) ? t(`roles.${role}`) : role));
  return (
    <Stack maw={640}>
      <Title order={1}>{t('account.title')}</Title>
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">
          {t('account.profile')}
        </Title>
        <Table variant="vertical" layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={180}>{t('common.username')}</Table.Th>
              <Table.Td>{user.username}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('admin.users.displayName')}</Table.Th>
              <Table.Td>{user.displayName}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('admin.users.roles')}</Table.Th>
              <Table.Td>{roleNames.join(', ') || t('common.none')}</Table.Td>
            </Table.Tr>
            {node && (
              <Table.Tr>
                <Table.Th>{t('shell.node')}</Table.Th>
                <Table.Td>{node.name}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">
          {t('account.security')}
        </Title>
        <Stack gap="xl">
          <section>
            <Title order={3} size="h4" mb="sm">
              {t('password.title')}
            </Title>
            <ChangePasswordForm />
          </section>
          <TotpSection />
        </Stack>
      </Card>
    </Stack>
  );
}
