import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { useFormatTime } from '../../common/format.ts';
import { acceptInvitation, federationKeys, previewInvitation, useOwnNode } from './api.ts';
import { Fact, Fingerprint, useCountryName, usePeeringErrorTitle } from './parts.tsx';
import type { Card as NodeCard } from './schema.ts';

/**
 * Paste → preview (changes nothing) → the admin confirms the fingerprint matches what the other
 * side read out → accept, which records the peer on both nodes.
 */
export function InvitationAccept({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const queryClient = useQueryClient();
  const errorTitle = usePeeringErrorTitle();
  const labels = { invitation: t('admin.federation.accept.paste') };
  const own = useOwnNode();
  const [text, setText] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const preview = useMutation({ mutationFn: () => previewInvitation(text.trim()) });
  const accept = useMutation({
    mutationFn: () => acceptInvitation(text.trim()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: federationKeys.all });
      onDone();
    },
  });

  if (!preview.data) {
    return (
      <Stack>
        <Textarea
          label={t('admin.federation.accept.paste')}
          description={t('admin.federation.accept.pasteHelp')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={4}
          maxRows={10}
          styles={{ input: { fontFamily: 'monospace', wordBreak: 'break-all' } }}
          data-testid="invitation-input"
        />
        <ErrorAlert error={preview.error} title={errorTitle(preview.error)} labels={labels} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => preview.mutate()}
            loading={preview.isPending}
            disabled={!text.trim()}
            data-testid="invitation-preview-submit"
          >
            {t('admin.federation.accept.preview')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const p = preview.data;
  return (
    <Stack data-testid="invitation-preview">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NodeColumn
          title={t('admin.federation.accept.theirs')}
          card={p.node}
          fingerprint={p.node.fingerprint}
          testId="preview-peer"
        />
        {own.data && (
          <NodeColumn
            title={t('admin.federation.accept.ours')}
            card={own.data}
            fingerprint={p.ownFingerprint}
            testId="preview-own"
          />
        )}
      </SimpleGrid>
      <Text size="sm">{t('admin.federation.accept.expires', { time: formatTime(p.expiresAt) })}</Text>
      <Alert color="blue">{t('admin.federation.accept.compare')}</Alert>
      <Checkbox
        label={t('admin.federation.accept.confirm')}
        checked={confirmed}
        onChange={(event) => setConfirmed(event.currentTarget.checked)}
        data-testid="fingerprint-confirm"
      />
      <ErrorAlert error={accept.error} title={errorTitle(accept.error)} labels={labels} />
      <Group justify="flex-end">
        <Button
          variant="default"
          onClick={() => {
            preview.reset();
            accept.reset();
            setConfirmed(false);
          }}
        >
          {t('common.back')}
        </Button>
        <Button
          onClick={() => accept.mutate()}
          loading={accept.isPending}
          disabled={!confirmed}
          data-testid="invitation-accept-submit"
        >
          {t('admin.federation.accept.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

function NodeColumn(props: { title: string; card: NodeCard; fingerprint: string; testId: string }) {
  const { t } = useTranslation();
  const country = useCountryName();
  return (
    <Card withBorder data-testid={props.testId}>
      <Stack gap="xs">
        <Title order={4}>{props.title}</Title>
        <Fact label={t('admin.federation.country')} value={country(props.card.country)} />
        <Fact label={t('admin.federation.name')} value={props.card.name} />
        <Fact label={t('admin.federation.url')} value={props.card.baseUrl} />
        <Text size="xs" c="dimmed">
          {t('admin.federation.fingerprint')}
        </Text>
        <Fingerprint value={props.fingerprint} size={20} testId={`${props.testId}-fingerprint`} />
      </Stack>
    </Card>
  );
}
