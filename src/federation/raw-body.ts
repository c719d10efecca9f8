import { HttpError } from '../platform/http/errors.ts';

// A signed request's exact bytes (the digest is over them), read with a cap.

const tooLarge = (max: number) =>
  new HttpError(413, 'body_too_large', `The message is larger than ${max} bytes.`);

export async function readCapped(req: Request, max: number): Promise<Buffer> {
  const declared = Number(req.headers.get('content-length') ?? Number.NaN);
  if (declared > max) throw tooLarge(max);
  if (!req.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
