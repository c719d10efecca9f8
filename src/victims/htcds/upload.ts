import { HttpError } from '../../platform/http/errors.ts';

// An uploaded file read into memory up to the node's cap (JARING_HTCDS_MAX_BYTES): an import
// checks every row before writing any, so it reads the file twice and must hold it.

export const tooLarge = (max: number) =>
  new HttpError(
    413,
    'body_too_large',
    `The file is larger than the limit of ${max} bytes (JARING_HTCDS_MAX_BYTES).`,
    [{ path: '(file)', message: `must be at most ${max} bytes` }],
  );

export async function readUpload(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array> {
  if (!body)
    throw new HttpError(400, 'invalid_file', 'The request has no file in its body.', [
      { path: '(file)', message: 'is required' },
    ]);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  if (total === 0)
    throw new HttpError(400, 'invalid_file', 'The file is empty.', [{ path: '(file)', message: 'is empty' }]);
  return Buffer.concat(chunks);
}
