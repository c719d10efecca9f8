import { Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { adminKeys, createUser, type NewUser } from '../api.ts';
import { AgencySelect } from './AgencySelect.tsx';
import { RoleSelect } from './RoleSelect.tsx';

export function UserCreateForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [password, setPassword] = useState('');

  const create = useMutation({
    mutationFn: (input: NewUser) => createUser(input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
      onDone();
    },
  });

  const complete = username.trim() && displayName.trim() && agencyId && roles.length > 0 && password;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!complete) return;
    create.mutate({ username: username.trim(), displayName: displayName.trim(), agencyId, roles, password });
  };

  return (
    <form onSubmit={submit} data-testid="create-user-form">
      <Stack>
        <TextInput
          label={t('admin.users.username')}
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <TextInput
          label={t('admin.users.displayName')}
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          autoComplete="off"
          required
        />
        <AgencySelect value={agencyId} onChange={setAgencyId} />
        <RoleSelect value={roles} onChange={setRoles} />
        <PasswordInput
          label={t('admin.users.initialPassword')}
          description={t('admin.users.initialPasswordHelp')}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          autoComplete="new-password"
          required
        />
        <ErrorAlert
          error={create.error}
          labels={{
            username: t('admin.users.username'),
            displayName: t('admin.users.displayName'),
            agencyId: t('admin.users.agency'),
            roles: t('admin.users.roles'),
            password: t('admin.users.initialPassword'),
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!complete}>
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
