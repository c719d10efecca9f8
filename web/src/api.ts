import i18next from 'i18next';
import * as z from 'zod/mini';

// The one door to the HTTP API: same-origin cookies, JSON both ways, the CSRF header on every
// write, and the server's `{ error: { code, message, fields } }` turned into an ApiError.

/** One field's problem: `message` in English; `code` and `params` to say it in the reader's language. */
export type FieldError = {
  path: string;
  message: string;
  code?: string;
  params?: Readonly<Record<string, unknown>>;
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: readonly FieldError[];

  constructor(status: number, code: string, message: string, fields: readonly FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.optional(z.string()),
    fields: z.optional(
      z.array(
        z.object({
          path: z.string(),
          message: z.string(),
          code: z.optional(z.string()),
          params: z.optional(z.record(z.string(), z.unknown())),
        }),
      ),
    ),
  }),
});

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let csrfToken: string | null = null;

/** Set from the login answer and from /api/auth/me; cleared on logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function send(method: Method, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  // The interface language, so answers with text for people (indicator reasons) come in it.
  const language = i18next.resolvedLanguage ?? i18next.language;
  if (language) headers['Accept-Language'] = language;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'network error');
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

async function toApiError(res: Response): Promise<ApiError> {
  return apiErrorOf(res.status, await res.text().catch(() => ''), res.statusText);
}

/** The ApiError of an error answer, from its status and body (also for requests made without fetch). */
export function apiErrorOf(status: number, text: string, statusText = ''): ApiError {
  const parsed = errorBody.safeParse(safeJson(text));
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(status, code, message ?? code, fields ?? []);
  }
  return new ApiError(status, fallbackCode(status), text.slice(0, 200) || statusText);
}

/** The headers a write needs, for one sent without fetch (XMLHttpRequest, for upload progress). */
export function writeHeaders(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

function fallbackCode(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  return 'unknown';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function parseBody<T>(res: Response, schema: z.ZodMiniType<T>): Promise<T> {
  const parsed = schema.safeParse(safeJson(await res.text()));
  if (!parsed.success) throw new ApiError(res.status, 'bad_response', parsed.error.message);
  return parsed.data;
}

export async function getJson<T>(path: string, schema: z.ZodMiniType<T>): Promise<T> {
  return parseBody(await send('GET', path), schema);
}

export async function sendJson<T>(
  method: Exclude<Method, 'GET'>,
  path: string,
  body: unknown,
  schema: z.ZodMiniType<T>,
): Promise<T> {
  return parseBody(await send(method, path, body), schema);
}

/** For writes answered with 204 No Content. */
export async function sendNoContent(
  method: Exclude<Method, 'GET'>,
  path: string,
  body?: unknown,
): Promise<void> {
  await send(method, path, body);
}

/** Builds `/api/...?a=1` from defined parameters only. */
export function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
