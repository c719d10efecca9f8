import { Button, Group, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { adminKeys, type UserChange, updateUser } from '../api.ts';
import type { User } from '../schema.ts';
import { AgencySelect } from './AgencySelect.tsx';
import { RoleSelect } from './RoleSelect.tsx';

export function UserEditForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [agencyId, setAgencyId] = useState(user.agencyId ?? '');
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [disabled, setDisabled] = useState(user.disabled);

  const save = useMutation({
    mutationFn: (change: UserChange) => updateUser(user.id, change),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
      onDone();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate({
      displayName: displayName.trim(),
      roles,
      disabled,
      ...(agencyId ? { agencyId } : {}),
    });
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label={t('admin.users.username')} value={user.username} readOnly variant="filled" />
        <TextInput
          label={t('admin.users.displayName')}
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          required
        />
        <AgencySelect value={agencyId} onChange={setAgencyId} />
        <RoleSelect value={roles} onChange={setRoles} />
        <Switch
          label={t('admin.users.disabled')}
          checked={disabled}
          onChange={(event) => setDisabled(event.currentTarget.checked)}
        />
        <ErrorAlert
          error={save.error}
          labels={{
            displayName: t('admin.users.displayName'),
            agencyId: t('admin.users.agency'),
            roles: t('admin.users.roles'),
            disabled: t('admin.users.disabled'),
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!displayName.trim() || roles.length === 0}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
