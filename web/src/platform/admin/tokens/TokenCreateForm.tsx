import { Alert, Button, Group, Stack, TagsInput, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { SecretValue } from '../../common/SecretValue.tsx';
import { adminKeys, createToken, type NewToken } from '../api.ts';

/** Creates a token, then shows its secret once: the server keeps only a hash of it. */
export function TokenCreateForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [expiresOn, setExpiresOn] = useState('');

  const create = useMutation({
    mutationFn: (input: NewToken) => createToken(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.tokens }),
  });

  if (create.data) {
    return (
      <Stack>
        <Alert color="yellow">{t('admin.tokens.secretNote')}</Alert>
        <SecretValue label={t('admin.tokens.secret')} value={create.data.secret} testId="token-secret" />
        <Group justify="flex-end">
          <Button onClick={onDone}>{t('admin.tokens.done')}</Button>
        </Group>
      </Stack>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const expiresAt = expiresOn ? endOfDay(expiresOn) : undefined;
    create.mutate({ name: name.trim(), scopes, ...(expiresAt ? { expiresAt } : {}) });
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput
          label={t('admin.tokens.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          autoComplete="off"
          required
        />
        <TagsInput
          label={t('admin.tokens.scopes')}
          description={t('admin.tokens.scopesHelp')}
          value={scopes}
          onChange={setScopes}
          splitChars={[',', ' ']}
          required
        />
        <TextInput
          type="date"
          label={t('admin.tokens.expiresAt')}
          description={t('admin.tokens.expiresHelp')}
          value={expiresOn}
          min={today()}
          onChange={(event) => setExpiresOn(event.currentTarget.value)}
        />
        <ErrorAlert
          error={create.error}
          labels={{
            name: t('admin.tokens.name'),
            scopes: t('admin.tokens.scopes'),
            expiresAt: t('admin.tokens.expiresAt'),
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!name.trim() || scopes.length === 0}>
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The last second of the chosen day, in the user's time zone, as ISO 8601. */
function endOfDay(day: string): string | undefined {
  const date = new Date(`${day}T23:59:59`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
