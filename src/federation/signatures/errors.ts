// Why a signed federation request was refused. The inbox maps every code to a 4xx answer and logs it;
// messages name what is wrong and never carry key material.
export type SignatureErrorCode =
  | 'signature_missing'
  | 'signature_malformed'
  | 'unknown_key'
  | 'bad_signature'
  | 'component_missing'
  | 'components_not_covered'
  | 'algorithm'
  | 'stale'
  | 'future'
  | 'digest_missing'
  | 'digest_malformed'
  | 'digest_mismatch'
  | 'digest_algorithm';

export class SignatureError extends Error {
  override readonly name = 'SignatureError';

  constructor(
    readonly code: SignatureErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Quotes a value taken from the request for an error message, cut short so logs stay readable. */
export function quote(value: string, max = 80): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}
