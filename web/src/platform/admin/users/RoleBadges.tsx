import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRole } from '../../roles.ts';

export function RoleBadges({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role} variant="light" size="sm">
          {isRole(role) ? t(`roles.${role}`) : role}
        </Badge>
      ))}
    </Group>
  );
}
