import i18next from 'i18next';
import { ApiError, apiErrorOf, withQuery, writeHeaders } from '../../api.ts';
import { type ExportFormat, type ExportPurpose, type ImportReport, importReport } from './schema.ts';

// HTCDS 2.0 files (src/victims/htcds/README.md). Both go through fetch directly: the export answers
// a file, not JSON, and the import sends the file itself as the body (not a form).

export type Recipient = { country: string; agency?: string; purpose: ExportPurpose };

/** What the export's headers say of the file (x-htcds-*). */
export type ExportFigures = {
  rows: number;
  persons: number;
  cases: number;
  withheld: number;
  view: string;
  sha256: string;
};

export type ExportedFile = { blob: Blob; fileName: string; figures: ExportFigures };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function language(): Record<string, string> {
  const lang = i18next.resolvedLanguage ?? i18next.language;
  return lang ? { 'Accept-Language': lang } : {};
}

async function request(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'network error');
  }
  if (!res.ok) throw apiErrorOf(res.status, await res.text().catch(() => ''), res.statusText);
  return res;
}

export function exportPath(format: ExportFormat, recipient?: Recipient): string {
  return withQuery('/api/victims/htcds/export', {
    format,
    recipientCountry: recipient?.country,
    recipientAgency: recipient?.agency || undefined,
    purpose: recipient?.purpose,
  });
}

/** The file name the server gives (content-disposition), else `htcds.<format>`. */
export function fileNameOf(disposition: string | null, format: ExportFormat): string {
  const match = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return match?.[1]?.trim() || `htcds.${format}`;
}

export async function fetchExport(format: ExportFormat, recipient?: Recipient): Promise<ExportedFile> {
  const res = await request(exportPath(format, recipient), {
    headers: { Accept: format === 'csv' ? 'text/csv' : XLSX, ...language() },
  });
  const figure = (name: string) => Number(res.headers.get(`x-htcds-${name}`) ?? 0) || 0;
  return {
    blob: await res.blob(),
    fileName: fileNameOf(res.headers.get('content-disposition'), format),
    figures: {
      rows: figure('rows'),
      persons: figure('persons'),
      cases: figure('cases'),
      withheld: figure('withheld'),
      view: res.headers.get('x-htcds-view') ?? '',
      sha256: res.headers.get('x-htcds-sha256') ?? '',
    },
  };
}

/** Hands a fetched file to the browser as a download (a link with `download`, clicked once). */
export function saveFile(file: ExportedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium starts the download from the click; the URL may go once the event has run.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function formatOfFile(name: string): ExportFormat | null {
  if (/\.csv$/i.test(name)) return 'csv';
  if (/\.xlsx$/i.test(name)) return 'xlsx';
  return null;
}

/** Sends the file as the body; `partial`: write the rows without problems and skip the others. */
export async function importFile(file: File, format: ExportFormat, partial: boolean): Promise<ImportReport> {
  const path = withQuery('/api/victims/htcds/import', {
    format,
    partial: partial ? 'true' : undefined,
    name: file.name ? file.name.slice(0, 200) : undefined,
  });
  const res = await request(path, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': format === 'csv' ? 'text/csv' : XLSX,
      ...language(),
      ...writeHeaders(),
    },
    body: file,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = importReport.safeParse(json);
  if (!parsed.success) throw new ApiError(res.status, 'bad_response', parsed.error.message);
  return parsed.data;
}
