import { ApiError, apiErrorOf, getJson, writeHeaders } from '../../api.ts';
import { type Batch, type BatchFormat, batchAnswer, batchList } from './schema.ts';

// Calls of /api/screen/batch. The upload goes through XMLHttpRequest: fetch reports no upload
// progress, and a file of hundreds of MB takes a while to send.

export const batchKeys = {
  all: ['screening', 'batches'] as const,
  list: ['screening', 'batches', 'list'] as const,
  one: (id: string) => ['screening', 'batches', 'one', id] as const,
};

const batchPath = (id: string) => `/api/screen/batch/${encodeURIComponent(id)}`;

export const fetchBatch = async (id: string): Promise<Batch> =>
  (await getJson(batchPath(id), batchAnswer)).batch;

export const listBatches = async (): Promise<Batch[]> =>
  (await getJson('/api/screen/batch?limit=20', batchList)).batches;

/**
 * Where the browser downloads a batch's results (a same-origin GET with the session cookie), with
 * the indicator reasons in `lang`, the interface language (a link cannot send Accept-Language).
 */
export const resultsHref = (id: string, lang: string) =>
  `${batchPath(id)}/results?${new URLSearchParams({ lang })}`;

export function formatOf(fileName: string): BatchFormat {
  return /\.(txt|text)$/i.test(fileName) ? 'text' : 'jsonl';
}

export type Upload = { done: Promise<Batch>; abort(): void };

/** Sends the file as the request body; `onProgress` gets the fraction sent (0 to 1). */
export function uploadBatch(file: File, format: BatchFormat, onProgress: (sent: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const query = new URLSearchParams({ format });
  if (file.name) query.set('name', file.name.slice(0, 200));
  const done = new Promise<Batch>((resolve, reject) => {
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status !== 202) {
        reject(apiErrorOf(xhr.status, xhr.responseText, xhr.statusText));
        return;
      }
      const parsed = batchAnswer.safeParse(safeJson(xhr.responseText));
      if (parsed.success) resolve(parsed.data.batch);
      else reject(new ApiError(xhr.status, 'bad_response', parsed.error.message));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'upload cancelled'));
  });
  xhr.open('POST', `/api/screen/batch?${query}`);
  xhr.setRequestHeader('Accept', 'application/json');
  xhr.setRequestHeader('Content-Type', format === 'text' ? 'text/plain' : 'application/x-ndjson');
  for (const [name, value] of Object.entries(writeHeaders())) xhr.setRequestHeader(name, value);
  xhr.send(file);
  return { done, abort: () => xhr.abort() };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
