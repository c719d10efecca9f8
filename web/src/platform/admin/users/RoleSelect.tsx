import { MultiSelect } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../roles.ts';

type Props = { value: string[]; onChange: (value: string[]) => void };

export function RoleSelect({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [touched, setTouched] = useState(false);
  return (
    <MultiSelect
      label={t('admin.users.roles')}
      data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      value={value}
      onChange={(next) => {
        setTouched(true);
        onChange(next);
      }}
      error={touched && value.length === 0 ? t('admin.users.pickRoles') : undefined}
      searchable
      hidePickedOptions
      required
    />
  );
}
