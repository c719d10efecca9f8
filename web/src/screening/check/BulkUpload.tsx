import { Alert, Button, FileButton, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { useErrorMessage } from '../../platform/common/errors.ts';
import { screenPost } from '../api.ts';
import { type FileLine, type ParsedFile, parsePostFile } from '../bulk.ts';
import { ScreenResultView } from '../result/ScreenResultView.tsx';
import type { ScreenAnswer } from '../schema.ts';
import { BulkResultsTable } from './BulkResultsTable.tsx';

// Until the server-side batch endpoint exists, a file is screened here one post at a time.
export const maxFileLines = 200;
const maxFileBytes = 25 * 1024 * 1024;

export type BulkRow = {
  line: number;
  text: string;
  state: 'waiting' | 'done' | 'failed';
  answer?: ScreenAnswer;
  error?: string;
};

type Props = { country: string; lang: string };

export function BulkUpload({ country, lang }: Props) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const titleId = useId();
  const [file, setFile] = useState<{ name: string; parsed: ParsedFile } | null>(null);
  const [rows, setRows] = useState<BulkRow[]>([]);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const run = useRef(0);

  // Leaving the page stops the loop: a later run id makes the running one return.
  useEffect(() => () => void (run.current += 1), []);

  const describeLine = (line: FileLine): string =>
    'problem' in line ? t(`screening.bulk.problems.${line.problem}`) : '';

  const start = async (picked: File | null) => {
    if (!picked) return;
    run.current += 1;
    const id = run.current;
    setSelected(null);
    setProblem(null);
    if (picked.size > maxFileBytes) {
      setFile(null);
      setRows([]);
      setProblem(t('screening.bulk.tooLarge'));
      return;
    }
    const parsed = parsePostFile(picked.name, await picked.text(), maxFileLines);
    setFile({ name: picked.name, parsed });
    const initial: BulkRow[] = parsed.lines.map((line) =>
      'input' in line
        ? { line: line.line, text: line.input.text, state: 'waiting' }
        : { line: line.line, text: '', state: 'failed', error: describeLine(line) },
    );
    setRows(initial);
    setRunning(true);
    for (const [index, line] of parsed.lines.entries()) {
      if (run.current !== id) return;
      if (!('input' in line)) continue;
      const input = { ...line.input };
      if (!input.country && country) input.country = country;
      if (!input.lang && lang) input.lang = lang;
      const update = (change: Partial<BulkRow>) =>
        setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row)));
      try {
        const answer = await screenPost(input);
        if (run.current !== id) return;
        update({ state: 'done', answer });
      } catch (error) {
        if (run.current !== id) return;
        update({ state: 'failed', error: describe(error) });
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) break;
      }
    }
    if (run.current === id) setRunning(false);
  };

  const stop = () => {
    run.current += 1;
    setRunning(false);
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
          inputProps={{ 'data-testid': 'screen-file' }}
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
          <Text size="sm" role="status">
            {t('screening.bulk.progress', { done: finished, total: rows.length })}
          </Text>
        </Stack>
      )}
      {rows.length > 0 && <BulkResultsTable rows={rows} selected={selected} onSelect={setSelected} />}
      {chosen?.answer && <ScreenResultView text={chosen.text} answer={chosen.answer} />}
    </Stack>
  );
}
