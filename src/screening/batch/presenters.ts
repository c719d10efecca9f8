import type { BatchRow } from './repo.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const batchPath = (id: string) => `/api/screen/batch/${id}`;

export function presentBatch(b: BatchRow) {
  const totalBytes = Number(b.total_bytes);
  const bytesDone = Number(b.bytes_done);
  const percent =
    b.status === 'done' ? 100 : totalBytes === 0 ? 0 : Math.floor((bytesDone / totalBytes) * 1000) / 10;
  return {
    id: b.id,
    name: b.name,
    format: b.format,
    status: b.status,
    sha256: b.sha256 ? b.sha256.toString('hex') : '',
    totalBytes,
    bytesDone,
    linesDone: Number(b.lines_done),
    percent,
    counts: {
      low: Number(b.low),
      medium: Number(b.medium),
      high: Number(b.high),
      errors: Number(b.errors),
    },
    alerts: Number(b.alerts),
    error: b.error,
    createdBy: b.created_by,
    createdAt: b.created_at.toISOString(),
    startedAt: iso(b.started_at),
    finishedAt: iso(b.finished_at),
    statusUrl: batchPath(b.id),
    resultsUrl: `${batchPath(b.id)}/results`,
  };
}
