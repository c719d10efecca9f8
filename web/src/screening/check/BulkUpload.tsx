import { Alert, Button, FileButton, Group, Modal, Progress, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { useErrorMessage } from '../../platform/common/errors.ts';
import { screeningKeys, screenPost } from '../api.ts';
import { type BulkRow, type ParsedFile, parsePostFile } from '../bulk.ts';
import { ScreenResultView } from '../result/ScreenResultView.tsx';
import { BulkResultsTable } from './BulkResultsTable.tsx';

// Until the server-side batch endpoint exists, a file is screened here one post at a time.
export const maxFileLines = 200;
const maxFileBytes = 25 * 1024 * 1024;
// data-* attributes are valid on any element, but not in InputHTMLAttributes' object-literal type.
const fileInputTestId = { 'data-testid': 'screen-file' };

type Props = { country: string; lang: string };

export function BulkUpload({ country, lang }: Props) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [file, setFile] = useState<{ name: string; parsed: ParsedFile } | null>(null);
  const [rows, setRows] = useState<BulkRow[]>([]);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const run = useRef(0);

  // Leaving the page stops the loop: a newer run id makes the running one return.
  useEffect(
    () => () => {
      run.current += 1;
    },
    [],
  );

  const screenAll = async (parsed: ParsedFile, id: number) => {
    let opened = false;
    for (const [index, line] of parsed.lines.entries()) {
      if (run.current !== id) break;
      if (!('input' in line)) continue;
      const input = { ...line.input };
      if (!input.country && country) input.country = country;
      if (!input.lang && lang) input.lang = lang;
      const update = (change: Partial<BulkRow>) =>
        setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row)));
      try {
        const answer = await screenPost(input);
        opened ||= answer.alertId !== null && answer.alertId !== undefined;
        if (run.current === id) update({ state: 'done', answer });
      } catch (error) {
        if (run.current !== id) break;
        update({ state: 'failed', error: describe(error) });
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) break;
      }
    }
    if (opened) await queryClient.invalidateQueries({ queryKey: screeningKeys.alerts });
    if (run.current === id) setRunning(false);
  };

  const start = async (picked: File | null) => {
    if (!picked) return;
    run.current += 1;
    const id = run.current;
    setSelected(null);
    setProblem(null);
    setFile(null);
    setRows([]);
    if (picked.size > maxFileBytes) {
      setProblem(t('screening.bulk.tooLarge'));
      return;
    }
    const parsed = parsePostFile(picked.name, await picked.text(), maxFileLines);
    if (run.current !== id) return;
    setFile({ name: picked.name, parsed });
    setRows(
      parsed.lines.map((line) =>
        'input' in line
          ? { line: line.line, text: line.input.text, state: 'waiting' }
          : {
              line: line.line,
              text: '',
              state: 'failed',
              error: t(`screening.bulk.problems.${line.problem}`),
            },
      ),
    );
    setRunning(true);
    await screenAll(parsed, id);
  };

  const stop = () => {
    run.current += 1;
    setRunning(false);
    setRows((current) => current.filter((row) => row.state !== 'waiting'));
  };

  const finished = rows.filter((row) => row.state !== 'waiting').length;
  const chosen = selected === null ? undefined : rows[selected];

  return (
    <Stack component="section" aria-labelledby={titleId}>
      <Title order={2} size="h3" id={titleId}>
        {t('screening.bulk.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('screening.bulk.help', { max: maxFileLines })}
      </Text>
      <Group>
        <FileButton
          onChange={(picked) => void start(picked)}
          accept=".jsonl,.ndjson,.json,.txt,text/plain,application/json,application/x-ndjson"
          disabled={running}
          inputProps={{ ...fileInputTestId, 'aria-label': t('screening.bulk.upload') }}
        >
          {(props) => (
            <Button variant="default" {...props} disabled={running}>
              {t('screening.bulk.upload')}
            </Button>
          )}
        </FileButton>
        {running && (
          <Button variant="subtle" color="red" onClick={stop}>
            {t('screening.bulk.stop')}
          </Button>
        )}
        {file && (
          <Text size="sm" c="dimmed">
            {file.name}
          </Text>
        )}
      </Group>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      {file && file.parsed.total > maxFileLines && (
        <Alert color="yellow" role="status" data-testid="bulk-capped">
          {t('screening.bulk.capped', { total: file.parsed.total, max: maxFileLines })}
        </Alert>
      )}
      {file && rows.length === 0 && <Text c="dimmed">{t('screening.bulk.empty')}</Text>}
      {rows.length > 0 && (
        <Stack gap={4}>
          <Progress
            value={(finished / rows.length) * 100}
            animated={running}
            aria-label={t('screening.bulk.progressLabel')}
            data-testid="bulk-progress"
          />
          <Text size="sm" role="status" data-testid="bulk-progress-text">
            {t('screening.bulk.progress', { done: finished, total: rows.length })}
          </Text>
        </Stack>
      )}
      {rows.length > 0 && <BulkResultsTable rows={rows} selected={selected} onSelect={setSelected} />}
      <Modal
        opened={chosen?.answer !== undefined}
        onClose={() => setSelected(null)}
        size="xl"
        title={chosen ? `${t('screening.bulk.line')} ${chosen.line}` : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {chosen?.answer && <ScreenResultView text={chosen.text} answer={chosen.answer} />}
      </Modal>
    </Stack>
  );
}
