import type { ContentfulStatusCode } from 'hono/utils/http-status';

// One error shape for every client mistake: { error: { code, message, fields? } }. A field's
// `message` is English, for people reading the answer or the logs; its `code` and `params` let a
// client say the same in its own language (see validation.ts and `errorSchema`).
export type IssueParams = Record<string, string | number | boolean | string[]>;
/** A field problem: its `code` is required, so every refusal can be said in the client's language. */
export type FieldIssue = { path: string; message: string; code: string; params?: IssueParams };

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: readonly FieldIssue[],
  ) {
    super(message);
  }
}

/**
 * A refusal that names its fields, each problem with its code: how a service refuses input (400
 * bad_request unless `status` and `code` say otherwise).
 */
export const invalid = (
  message: string,
  problems: readonly FieldIssue[],
  { status = 400, code = 'bad_request' }: { status?: ContentfulStatusCode; code?: string } = {},
) => new HttpError(status, code, message, problems);

/** A refusal of the request as a whole; one that names fields is `invalid`. */
export const badRequest = (message: string) => new HttpError(400, 'bad_request', message);
export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} was not found`);
export const conflict = (message: string, problems?: readonly FieldIssue[]) =>
  new HttpError(409, 'conflict', message, problems);

export function errorBody(code: string, message: string, fields?: readonly FieldIssue[]) {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/** Database refusals caused by the client's data (a duplicate, a dangling reference) are 4xx, not 500. */
export function clientDatabaseError(
  err: unknown,
): { status: 400 | 409; code: string; message: string } | undefined {
  if (!(err instanceof Error) || !('code' in err) || typeof err.code !== 'string') return undefined;
  switch (err.code) {
    case '23505':
      return {
        status: 409,
        code: 'conflict',
        message: 'A record with the same unique value already exists.',
      };
    case '23503':
      return {
        status: 400,
        code: 'bad_reference',
        message: 'The request refers to a record that does not exist.',
      };
    case '22P02':
    case '22021':
    case '22001':
      return {
        status: 400,
        code: 'bad_request',
        message: 'A value in the request is malformed or too long.',
      };
    default:
      return undefined;
  }
}

/** The guard has already refused anonymous requests on non-public routes; this narrows the type. */
export function requirePrincipal<T>(principal: T | undefined): T {
  if (!principal) throw new HttpError(401, 'unauthenticated', 'Log in first.');
  return principal;
}
