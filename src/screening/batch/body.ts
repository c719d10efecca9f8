import { HttpError, invalid } from '../../platform/http/errors.ts';

// The checks an upload passes while it streams in: size cap, UTF-8, no NUL bytes (binary data), not
// empty or blank, and no stall longer than IDLE_MS. Each refusal names the body.

/** How long an upload may send nothing before it is dropped. */
export const IDLE_MS = 60_000;

export const tooLarge = (max: number) =>
  new HttpError(413, 'body_too_large', `The upload is larger than the limit of ${max} bytes.`, [
    { path: '(body)', code: 'too_big', params: { maximum: max }, message: `must be at most ${max} bytes` },
  ]);
export const bodyProblem = (message: string, code: string, field: string) =>
  invalid(message, [{ path: '(body)', code, message: field }]);

/** Whether the bytes hold anything but blanks (space, tab, CR, LF). */
function hasContent(bytes: Uint8Array): boolean {
  return bytes.some((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d);
}

async function readWithin(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new HttpError(408, 'timeout', `No data arrived for ${ms / 1000} s: the upload was dropped.`)),
      ms,
    );
  });
  try {
    return await Promise.race([reader.read(), idle]);
  } finally {
    clearTimeout(timer);
  }
}

/** Reads the body into chunks of exactly `size` bytes (the last may be shorter), checking it on the way. */
export async function* checkedChunks(
  body: ReadableStream<Uint8Array>,
  size: number,
  max: number,
  idleMs = IDLE_MS,
) {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const reader = body.getReader();
  let pending = new Uint8Array(size);
  let filled = 0;
  let total = 0;
  let content = false;
  try {
    for (;;) {
      const { done, value } = await readWithin(reader, idleMs);
      if (done) break;
      total += value.length;
      if (total > max) throw tooLarge(max);
      if (value.includes(0)) {
        throw bodyProblem(
          'The upload contains NUL bytes: it looks like binary data, not UTF-8 JSON Lines or text.',
          'nul_character',
          'must be UTF-8 text without NUL bytes',
        );
      }
      try {
        utf8.decode(value, { stream: true });
      } catch {
        throw bodyProblem('The upload is not valid UTF-8 text.', 'not_utf8', 'must be UTF-8 text');
      }
      // A UTF-8 byte order mark is not content.
      const bom = total === value.length && value[0] === 0xef && value[1] === 0xbb && value[2] === 0xbf;
      content ||= hasContent(bom ? value.subarray(3) : value);
      let from = 0;
      while (from < value.length) {
        const n = Math.min(size - filled, value.length - from);
        pending.set(value.subarray(from, from + n), filled);
        filled += n;
        from += n;
        if (filled === size) {
          yield pending;
          pending = new Uint8Array(size);
          filled = 0;
        }
      }
    }
  } finally {
    reader.releaseLock();
  }
  try {
    utf8.decode();
  } catch {
    throw bodyProblem(
      'The upload ends in the middle of a UTF-8 character.',
      'not_utf8',
      'must be UTF-8 text',
    );
  }
  if (total === 0) throw bodyProblem('The upload is empty.', 'empty', 'must not be empty');
  if (!content)
    throw bodyProblem('The upload has only blank lines: nothing to screen.', 'no_posts', 'has no posts');
  if (filled > 0) yield pending.subarray(0, filled);
}
