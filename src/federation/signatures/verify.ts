import { type KeyObject, verify } from 'node:crypto';
import {
  type BareItem,
  type Dictionary,
  type InnerList,
  type Item,
  type Parameters,
  parseDictionary,
} from 'structured-headers';
import { signatureBase } from './base.ts';
import { checkContentDigest } from './content-digest.ts';
import { quote, SignatureError } from './errors.ts';
import { headerValue, type SignableRequest } from './request.ts';
import { FEDERATION_COMPONENTS, FEDERATION_TAG } from './sign.ts';

export type VerifyOptions = {
  lookupKey(keyId: string): Promise<KeyObject | null> | KeyObject | null;
  now?: Date;
  /** Allowed distance, both ways, between `now` and both `created` and the Date header. */
  maxSkewSeconds: number;
  /** Components the signature must cover; default FEDERATION_COMPONENTS. */
  requiredComponents?: readonly string[];
  /** Required `tag` parameter; default 'jaring-federation'; null accepts any or none. */
  tag?: string | null;
  /** Verify this Signature-Input label; default the first whose tag matches. */
  label?: string;
};

export type Verified = { keyId: string; label: string; created: Date; components: string[] };

// RFC 9110 §5.6.7, the form senders must use (Date.toUTCString() writes it).
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

type Chosen = { label: string; input: InnerList; signature: Uint8Array };

function parseField(req: SignableRequest, name: string): Dictionary {
  const value = headerValue(req.headers, name);
  if (value === undefined || value === '') {
    throw new SignatureError('signature_missing', `the request has no ${name} header`);
  }
  try {
    return parseDictionary(value);
  } catch {
    throw new SignatureError(
      'signature_malformed',
      `the ${name} header is not a structured-field dictionary`,
    );
  }
}

const isInnerList = (member: Item | InnerList): member is InnerList => Array.isArray(member[0]);

function chooseSignature(req: SignableRequest, opts: VerifyOptions, tag: string | null): Chosen {
  const inputs = parseField(req, 'signature-input');
  const signatures = parseField(req, 'signature');
  const labels = opts.label === undefined ? [...inputs.keys()] : [opts.label];
  const label = labels.find((l) => {
    const member = inputs.get(l);
    return member !== undefined && (tag === null || member[1].get('tag') === tag);
  });
  if (label === undefined) {
    const which = opts.label === undefined ? '' : ` labelled ${quote(opts.label)}`;
    const tagged = tag === null ? '' : ` with tag ${quote(tag)}`;
    throw new SignatureError('signature_missing', `the request has no signature${which}${tagged}`);
  }
  const input = inputs.get(label);
  if (input === undefined || !isInnerList(input)) {
    throw new SignatureError('signature_malformed', `Signature-Input ${quote(label)} is not an inner list`);
  }
  const signature = signatures.get(label);
  if (signature === undefined) {
    throw new SignatureError('signature_missing', `the Signature header has no member ${quote(label)}`);
  }
  if (isInnerList(signature) || !(signature[0] instanceof ArrayBuffer)) {
    throw new SignatureError('signature_malformed', `Signature ${quote(label)} is not a byte sequence`);
  }
  return { label, input, signature: new Uint8Array(signature[0]) };
}

function integerParam(params: Parameters, name: string): number | undefined {
  const value: BareItem | undefined = params.get(name);
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new SignatureError('signature_malformed', `the signature parameter ${name} must be an integer`);
  }
  return value;
}

function checkWindow(what: string, seconds: number, now: number, skew: number): void {
  if (seconds > now + skew) {
    throw new SignatureError(
      'future',
      `${what} is ${Math.round(seconds - now)} s in the future (allowed ${skew} s)`,
    );
  }
  if (seconds < now - skew) {
    throw new SignatureError('stale', `${what} is ${Math.round(now - seconds)} s old (allowed ${skew} s)`);
  }
}

/**
 * Verifies an Ed25519 HTTP Message Signature (RFC 9421 §3.2) and, when content-digest is covered and
 * `req.body` is given, the body's Content-Digest (RFC 9530). Replay (message ids already seen) is the
 * caller's check. Throws SignatureError with the first reason to refuse.
 */
export async function verifyRequest(req: SignableRequest, opts: VerifyOptions): Promise<Verified> {
  const tag = opts.tag === undefined ? FEDERATION_TAG : opts.tag;
  const { label, input, signature } = chooseSignature(req, opts, tag);
  const [items, params] = input;

  const alg = params.get('alg');
  if (alg !== undefined && alg !== 'ed25519') {
    throw new SignatureError(
      'algorithm',
      `the signature algorithm must be ed25519, not ${quote(String(alg))}`,
    );
  }
  const keyId = params.get('keyid');
  if (typeof keyId !== 'string' || keyId === '') {
    throw new SignatureError('signature_malformed', 'the signature has no keyid parameter');
  }
  const created = integerParam(params, 'created');
  if (created === undefined) {
    throw new SignatureError('signature_malformed', 'the signature has no created parameter');
  }
  const expires = integerParam(params, 'expires');

  // The base first: building it finds malformed, duplicated and missing components.
  const base = signatureBase(req, input);
  const components = items.map(([name]) => (typeof name === 'string' ? name : ''));
  const uncovered = (opts.requiredComponents ?? FEDERATION_COMPONENTS).filter(
    (c) => !items.some(([name, p]) => name === c && p.size === 0),
  );
  if (uncovered.length > 0) {
    throw new SignatureError(
      'components_not_covered',
      `the signature does not cover ${uncovered.map((c) => quote(c)).join(', ')}`,
    );
  }

  const skew = opts.maxSkewSeconds;
  if (!(skew >= 0)) throw new TypeError('maxSkewSeconds must be a number of seconds, 0 or more');
  const now = (opts.now ?? new Date()).getTime() / 1000;
  checkWindow('the signature (created)', created, now, skew);
  if (expires !== undefined && expires < now) {
    throw new SignatureError('stale', `the signature expired ${Math.round(now - expires)} s ago`);
  }
  const date = headerValue(req.headers, 'date');
  if (date !== undefined) {
    const ms = IMF_FIXDATE.test(date) ? Date.parse(date) : Number.NaN;
    if (Number.isNaN(ms)) {
      throw new SignatureError('signature_malformed', 'the Date header is not an HTTP date (IMF-fixdate)');
    }
    checkWindow('the Date header', ms / 1000, now, skew);
  }

  const key = await opts.lookupKey(keyId);
  if (key === null)
    throw new SignatureError('unknown_key', `the key ${quote(keyId)} is not known or not active`);
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new SignatureError('algorithm', `the key ${quote(keyId)} is not an Ed25519 key`);
  }
  if (signature.length !== 64 || !verify(null, Buffer.from(base, 'utf8'), key, signature)) {
    throw new SignatureError('bad_signature', `the signature ${quote(label)} does not verify`);
  }
  if (req.body !== undefined && components.includes('content-digest')) {
    checkContentDigest(headerValue(req.headers, 'content-digest'), req.body);
  }
  return { keyId, label, created: new Date(created * 1000), components };
}
