import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { useFormatTime } from '../../platform/common/format.ts';
import { MoreButton } from '../../platform/common/MoreButton.tsx';
import { useSession } from '../../platform/session/context.ts';
import { mayWriteNotes } from '../roles.ts';
import type { CaseUsers } from './case-users.ts';
import { addNote, listNotes, teamKeys } from './team-api.ts';
import type { Note } from './team-schema.ts';

/** The case's notes (HTCDS case comments), newest first; never edited. Bodies for caseworkers. */
export function CaseNotes({ caseId, users }: { caseId: string; users: CaseUsers }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const pages = useInfiniteQuery({
    queryKey: teamKeys.notes(caseId),
    queryFn: ({ pageParam }) => listNotes(caseId, pageParam || undefined),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const notes = pages.data?.pages.flatMap((page) => page.notes) ?? [];
  return (
    <Card
      withBorder
      padding="sm"
      component="section"
      aria-labelledby="case-notes-title"
      data-testid="case-notes"
    >
      <Stack gap="xs">
        <Title order={2} size="h3" id="case-notes-title">
          {t('victims.notes.title')}
        </Title>
        {mayWriteNotes(user.roles) && <NoteForm caseId={caseId} />}
        <ErrorAlert error={pages.error} />
        {pages.data && notes.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('victims.notes.none')}
          </Text>
        )}
        <Stack gap="xs" data-testid="note-list">
          {notes.map((note) => (
            <NoteView key={note.id} note={note} author={users.nameOf(note.authorId)} />
          ))}
        </Stack>
        <MoreButton pages={pages} label={t('victims.notes.older')} />
      </Stack>
    </Card>
  );
}

function NoteView({ note, author }: { note: Note; author: string | null }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const shown = note.bodyStatus === 'shown';
  return (
    <Stack gap={2} data-testid="note" data-note-id={note.id}>
      <Text
        size="sm"
        c={shown ? undefined : 'dimmed'}
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      >
        {shown
          ? note.body
          : t(note.bodyStatus === 'tampered' ? 'victims.notes.tampered' : 'victims.notes.withheld')}
      </Text>
      <Text size="xs" c="dimmed">
        {[formatTime(note.createdAt), author].filter(Boolean).join(' · ')}
      </Text>
    </Stack>
  );
}

function NoteForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: () => addNote(caseId, body.trim()),
    onSuccess: async () => {
      setBody('');
      await queryClient.invalidateQueries({ queryKey: teamKeys.notes(caseId) });
      await queryClient.invalidateQueries({ queryKey: teamKeys.timeline(caseId) });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (body.trim()) add.mutate();
  };
  return (
    <form onSubmit={submit} data-testid="note-form">
      <Stack gap="xs">
        <Textarea
          label={t('victims.notes.new')}
          description={t('victims.notes.newHelp')}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={20_000}
          data-testid="note-body"
        />
        <ErrorAlert error={add.error} labels={{ body: t('victims.notes.new') }} />
        <Group>
          <Button
            type="submit"
            variant="light"
            disabled={!body.trim()}
            loading={add.isPending}
            data-testid="note-submit"
          >
            {t('victims.notes.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
