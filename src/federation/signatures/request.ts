/** An HTTP request as the signer sends it or the verifier received it. `url` is absolute. */
export type SignableRequest = {
  method: string;
  url: string;
  headers: Headers | Record<string, string>;
  /** The content; when given and content-digest is covered, verifyRequest checks it (RFC 9530). */
  body?: Uint8Array;
};

/**
 * A field's value as RFC 9421 §2.1 puts it in the signature base: each line trimmed, several lines
 * joined with ", ". Undefined when the field is absent (an empty field is the empty string).
 */
export function headerValue(headers: SignableRequest['headers'], name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const values = Object.entries(headers)
    .filter(([key]) => key.toLowerCase() === name)
    .map(([, value]) => value.trim());
  return values.length === 0 ? undefined : values.join(', ');
}
