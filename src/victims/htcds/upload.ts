import { invalid } from '../../platform/http/errors.ts';

// An uploaded file read into memory up to the node's cap (JARING_HTCDS_MAX_BYTES): an import
// checks every row before writing any, so it reads the file twice and must hold it.

export const tooLarge = (max: number) =>
  invalid(
    `The file is larger than the limit of ${max} bytes (JARING_HTCDS_MAX_BYTES).`,
    [
      {
        path: '(file)',
        code: 'too_big',
        message: `must be at most ${max} bytes`,
        params: { origin: 'file', maximum: max, inclusive: true },
      },
    ],
    { status: 413, code: 'body_too_large' },
  );

export async function readUpload(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array> {
  if (!body)
    throw invalid(
      'The request has no file in its body.',
      [{ path: '(file)', code: 'required', message: 'is required' }],
      {
        code: 'invalid_file',
      },
    );
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
    throw invalid('The file is empty.', [{ path: '(file)', code: 'empty', message: 'is empty' }], {
      code: 'invalid_file',
    });
  return Buffer.concat(chunks);
}
