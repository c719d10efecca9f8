import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

// One error shape for every client mistake: { error: { code, message, fields? } }.
export type FieldIssue = { path: string; message: string };

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: FieldIssue[],
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields?: FieldIssue[]) => new HttpError(400, 'bad_request', message, fields);
export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} was not found`);
export const conflict = (message: string) => new HttpError(409, 'conflict', message);

export function errorBody(code: string, message: string, fields?: FieldIssue[]) {
  return { error: fields ? { code, message, fields } : { code, message } };
}

export function sendError(c: Context, err: HttpError) {
  return c.json(errorBody(err.code, err.message, err.fields), err.status);
}
