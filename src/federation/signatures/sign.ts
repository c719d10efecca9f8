import { type KeyObject, sign } from 'node:crypto';
import {
  type BareItem,
  type InnerList,
  type Item,
  type Parameters,
  serializeDictionary,
} from 'structured-headers';
import { signatureBase } from './base.ts';
import { SignatureError } from './errors.ts';
import type { SignableRequest } from './request.ts';

export type { SignableRequest } from './request.ts';

/** What a federation message signs (issue 5): method, target, Content-Digest, Date and the message id. */
export const FEDERATION_COMPONENTS = [
  '@method',
  '@target-uri',
  'content-digest',
  'date',
  'jaring-message-id',
] as const;

export const DEFAULT_LABEL = 'jaring';
export const FEDERATION_TAG = 'jaring-federation';

export type SignOptions = {
  keyId: string;
  privateKey: KeyObject;
  created?: Date;
  /** Dictionary key in Signature-Input and Signature; default 'jaring'. */
  label?: string;
  /** Covered components in order; default FEDERATION_COMPONENTS. Field names are lowercased. */
  components?: readonly string[];
  /** The `tag` parameter (§2.3); default 'jaring-federation', null for none. */
  tag?: string | null;
  /** Whether to state `alg="ed25519"` (§2.3); default true. */
  alg?: boolean;
};

export type SignatureHeaders = { 'signature-input': string; signature: string };

/**
 * Signs a request with Ed25519 (RFC 9421 §3.1, §3.3.6). The covered fields must already be set on
 * `req.headers` (set Content-Digest from contentDigest(body) first). Returns the two headers to add.
 */
export function signRequest(req: SignableRequest, opts: SignOptions): SignatureHeaders {
  if (opts.privateKey.type !== 'private' || opts.privateKey.asymmetricKeyType !== 'ed25519') {
    throw new SignatureError('algorithm', 'the signing key must be an Ed25519 private key');
  }
  const created = Math.floor((opts.created ?? new Date()).getTime() / 1000);
  const params: Parameters = new Map<string, BareItem>([
    ['created', created],
    ['keyid', opts.keyId],
  ]);
  if (opts.alg ?? true) params.set('alg', 'ed25519');
  const tag = opts.tag === undefined ? FEDERATION_TAG : opts.tag;
  if (tag !== null) params.set('tag', tag);
  const items = (opts.components ?? FEDERATION_COMPONENTS).map((c): Item => [c.toLowerCase(), new Map()]);
  const signatureInput: InnerList = [items, params];
  const base = signatureBase(req, signatureInput);
  const signature = sign(null, Buffer.from(base, 'utf8'), opts.privateKey);
  const label = opts.label ?? DEFAULT_LABEL;
  return {
    'signature-input': serializeDictionary(new Map([[label, signatureInput]])),
    signature: serializeDictionary(new Map([[label, [signature, new Map()]]])),
  };
}
