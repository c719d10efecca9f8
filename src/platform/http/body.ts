import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './context.ts';
import { errorBody } from './errors.ts';

// Reads a request body once, capped and checked as UTF-8, before validation. Under Node it reads
// the IncomingMessage itself and hands the text to Hono's body cache: going through the Fetch
// Request (@hono/node-server builds one lazily, with a web stream and an AbortSignal, as soon as
// `raw.body` is touched) cost more main-thread time per small JSON request than routing, auth and
// validation together (measured on POST /api/screen). Elsewhere (app.request in tests) the
// Fetch path does the same checks.

/** Methods that change state: they may carry a body, and need the CSRF token with a session. */
export const UNSAFE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const tooLarge = (maxSize: number) =>
  errorBody('body_too_large', `The request body is larger than ${maxSize} bytes.`);
const notUtf8 = errorBody('malformed_body', 'The request body is not valid UTF-8.');

type BodyCache = { text?: Promise<string> };

/** The whole body, or 'too_large' as soon as it passes maxSize (the rest is left unread). */
function readIncoming(incoming: IncomingMessage, maxSize: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxSize) {
        cleanup();
        incoming.pause();
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, size));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const cleanup = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
  });
}

export function readBody(maxSize: number): MiddlewareHandler<AppEnv> {
  const fetchLimit = bodyLimit({ maxSize, onError: (c) => c.json(tooLarge(maxSize), 413) });
  return async (c, next) => {
    if (!UNSAFE_METHODS.has(c.req.method)) return next();
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (!incoming || incoming.readableFlowing !== null) {
      return fetchLimit(c, async () => {
        if (c.req.raw.body) {
          try {
            strictUtf8.decode(await c.req.arrayBuffer());
          } catch {
            c.res = c.json(notUtf8, 400);
            return;
          }
        }
        await next();
      });
    }
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > maxSize) {
      c.header('Connection', 'close');
      return c.json(tooLarge(maxSize), 413);
    }
    const bytes = await readIncoming(incoming, maxSize);
    if (bytes === 'too_large') {
      c.header('Connection', 'close');
      return c.json(tooLarge(maxSize), 413);
    }
    let text: string;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      return c.json(notUtf8, 400);
    }
    (c.req.bodyCache as BodyCache).text = Promise.resolve(text);
    await next();
  };
}
