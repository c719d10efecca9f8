import { Button, FileButton, Group, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { batchKeys, formatOf, type Upload, uploadBatch } from './api.ts';
import { BatchList } from './BatchList.tsx';
import { BatchProgress } from './BatchProgress.tsx';
import { useFormatBytes, useFormatPercent } from './format.ts';
import type { BatchFormat } from './schema.ts';

// data-* attributes are valid on any element, but not in InputHTMLAttributes' object-literal type.
const fileInputTestId = { 'data-testid': 'batch-file' };

function isFormat(value: string | null): value is BatchFormat {
  return value === 'jsonl' || value === 'text';
}

/** A file of any size, sent to the server and screened there as a job (POST /api/screen/batch). */
export function BatchUpload() {
  const { t } = useTranslation();
  const formatBytes = useFormatBytes();
  const formatPercent = useFormatPercent();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<BatchFormat>('jsonl');
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [shown, setShown] = useState<string | null>(null);
  const upload = useRef<Upload | null>(null);

  // Leaving the page cancels an upload still being sent (the server then keeps nothing of it).
  useEffect(() => () => upload.current?.abort(), []);

  const pick = (picked: File | null) => {
    setError(null);
    setFile(picked);
    if (picked) setFormat(formatOf(picked.name));
  };

  const start = async () => {
    if (!file) return;
    setError(null);
    setSent(0);
    const current = uploadBatch(file, format, setSent);
    upload.current = current;
    try {
      const batch = await current.done;
      setShown(batch.id);
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: batchKeys.list });
    } catch (caught) {
      if (!(caught instanceof ApiError && caught.code === 'aborted')) setError(caught);
    } finally {
      if (upload.current === current) upload.current = null;
      setSent(null);
    }
  };

  const sending = sent !== null;
  return (
    <Stack component="section" aria-labelledby={titleId}>
      <Title order={2} size="h3" id={titleId}>
        {t('screening.batch.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('screening.batch.help')}
      </Text>
      <Group align="flex-end">
        <FileButton
          onChange={pick}
          accept=".jsonl,.ndjson,.json,.txt,text/plain,application/json,application/x-ndjson"
          disabled={sending}
          inputProps={{ ...fileInputTestId, 'aria-label': t('screening.batch.choose') }}
        >
          {(props) => (
            <Button variant="default" {...props} disabled={sending}>
              {t('screening.batch.choose')}
            </Button>
          )}
        </FileButton>
        <Select
          label={t('screening.batch.format')}
          data={[
            { value: 'jsonl', label: t('screening.batch.formats.jsonl') },
            { value: 'text', label: t('screening.batch.formats.text') },
          ]}
          value={format}
          onChange={(value) => isFormat(value) && setFormat(value)}
          allowDeselect={false}
          disabled={sending}
          data-testid="batch-format"
          w={360}
        />
        <Button onClick={() => void start()} disabled={!file || sending} data-testid="batch-start">
          {t('screening.batch.start')}
        </Button>
        {sending && (
          <Button variant="subtle" color="red" onClick={() => upload.current?.abort()}>
            {t('screening.batch.cancel')}
          </Button>
        )}
      </Group>
      {file && (
        <Text size="sm" c="dimmed" data-testid="batch-file-name">
          {file.name} · {formatBytes(file.size)}
        </Text>
      )}
      {sent !== null && (
        <Stack gap={4}>
          <Progress
            value={sent * 100}
            striped
            aria-label={t('screening.batch.uploadLabel')}
            data-testid="batch-upload-progress"
          />
          <Text size="sm" role="status">
            {t('screening.batch.uploading', { percent: formatPercent(sent) })}
          </Text>
        </Stack>
      )}
      <ErrorAlert error={error} />
      {shown && <BatchProgress id={shown} />}
      <Title order={3} size="h5">
        {t('screening.batch.recent')}
      </Title>
      <BatchList selected={shown} onSelect={setShown} />
    </Stack>
  );
}
