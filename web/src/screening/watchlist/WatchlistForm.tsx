import { Button, Card, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { addWatchlistEntry, type NewWatchlistEntry, screeningKeys } from '../api.ts';
import { useScreeningLabels } from '../labels.ts';
import { isWatchlistKind, type WatchlistKind, watchlistKinds } from '../vocabulary.ts';
import { isInvalidWatchValue } from './invalid-value.ts';

/** POST /api/watchlist's limit on a value (src/screening/schema.ts). */
const MAX_VALUE_LENGTH = 500;

export function WatchlistForm() {
  const { t } = useTranslation();
  const labels = useScreeningLabels();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [kind, setKind] = useState<WatchlistKind | null>(null);
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const add = useMutation({
    mutationFn: (input: NewWatchlistEntry) => addWatchlistEntry(input),
    onSuccess: async () => {
      setValue('');
      setNote('');
      await queryClient.invalidateQueries({ queryKey: screeningKeys.watchlist });
    },
  });
  const complete = kind !== null && value.trim() !== '';
  // Said once, at the field, naming the kind it was checked as; any other error in the box below.
  const invalid = isInvalidWatchValue(add.error);
  const valueError =
    invalid &&
    add.variables &&
    t('screening.watchlist.invalidValue', { kind: labels.kind(add.variables.kind) });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!kind || !value.trim()) return;
    add.mutate({ kind, value: value.trim(), ...(note.trim() && { note: note.trim() }) });
  };
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <form onSubmit={submit} data-testid="watchlist-form">
        <Stack>
          <Title order={2} size="h4" id={titleId}>
            {t('screening.watchlist.addTitle')}
          </Title>
          <Group align="flex-start" wrap="wrap">
            <Select
              label={t('screening.watchlist.kind')}
              data={watchlistKinds.map((item) => ({ value: item, label: labels.kind(item) }))}
              value={kind}
              onChange={(next) => setKind(next && isWatchlistKind(next) ? next : null)}
              searchable
              required
              w={200}
            />
            <TextInput
              label={t('screening.watchlist.value')}
              description={t('screening.watchlist.valueHelp')}
              value={value}
              onChange={(event) => {
                setValue(event.currentTarget.value);
                if (add.isError) add.reset();
              }}
              error={valueError}
              maxLength={MAX_VALUE_LENGTH}
              autoComplete="off"
              spellCheck={false}
              required
              style={{ flex: 1, minWidth: 220 }}
            />
            <TextInput
              label={t('screening.watchlist.note')}
              description={t('common.optional')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              style={{ flex: 1, minWidth: 220 }}
            />
          </Group>
          <ErrorAlert
            error={invalid ? null : add.error}
            labels={{
              kind: t('screening.watchlist.kind'),
              value: t('screening.watchlist.value'),
              note: t('screening.watchlist.note'),
            }}
          />
          <Group>
            <Button type="submit" loading={add.isPending} disabled={!complete}>
              {t('screening.watchlist.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
