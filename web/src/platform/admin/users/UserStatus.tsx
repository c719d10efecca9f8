import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatTime } from '../../common/format.ts';
import type { User } from '../schema.ts';

export function UserStatus({ user }: { user: User }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  if (user.disabled) return <Badge color="gray">{t('admin.users.disabledStatus')}</Badge>;
  if (user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now()) {
    return (
      <Badge color="orange">{t('admin.users.lockedUntil', { time: formatTime(user.lockedUntil) })}</Badge>
    );
  }
  return <Badge color="green">{t('admin.users.active')}</Badge>;
}
