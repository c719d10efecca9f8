import { type InnerList, type Item, serializeInnerList, serializeItem } from 'structured-headers';
import { quote, SignatureError } from './errors.ts';
import { headerValue, type SignableRequest } from './request.ts';

// The signature base of RFC 9421 §2.5: one line per covered component, `<identifier>: <value>`, in the
// order of the Signature-Input, then `"@signature-params": <inner list>`; no trailing newline.

function derivedValue(req: SignableRequest, name: string): string {
  const url = new URL(req.url);
  switch (name) {
    case '@method':
      return req.method.toUpperCase();
    case '@target-uri':
      return url.href;
    case '@authority':
      // WHATWG URL.host is already lowercase and leaves out the scheme's default port (§2.2.3).
      return url.host;
    case '@scheme':
      return url.protocol.slice(0, -1).toLowerCase();
    case '@path':
      return url.pathname === '' ? '/' : url.pathname;
    case '@query':
      // An absent query is "?" alone (§2.2.7).
      return `?${url.search.slice(1)}`;
    case '@request-target':
      return `${url.pathname}${url.search}`;
    default:
      throw new SignatureError(
        'signature_malformed',
        `the derived component ${quote(name)} is not supported for requests`,
      );
  }
}

/** The value of one covered component (§2.1 fields, §2.2 derived components). */
export function componentValue(req: SignableRequest, item: Item): string {
  const [name, params] = item;
  if (typeof name !== 'string' || name === '') {
    throw new SignatureError(
      'signature_malformed',
      'covered component identifiers must be non-empty strings',
    );
  }
  if (params.size > 0) {
    throw new SignatureError(
      'signature_malformed',
      `the component ${serializeItem(item)} has parameters, which are not supported`,
    );
  }
  if (name.startsWith('@')) return derivedValue(req, name);
  if (name !== name.toLowerCase()) {
    throw new SignatureError('signature_malformed', `the field name ${quote(name)} must be lowercase`);
  }
  const value = headerValue(req.headers, name);
  if (value === undefined) {
    throw new SignatureError('component_missing', `the covered header ${quote(name)} is missing`);
  }
  return value;
}

/** Builds the signature base for the covered components and signature parameters of `signature`. */
export function signatureBase(req: SignableRequest, signature: InnerList): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const item of signature[0]) {
    const identifier = serializeItem(item);
    if (seen.has(identifier)) {
      throw new SignatureError('signature_malformed', `the component ${identifier} is covered twice`);
    }
    if (item[0] === '@signature-params') {
      throw new SignatureError('signature_malformed', '"@signature-params" cannot be a covered component');
    }
    seen.add(identifier);
    const value = componentValue(req, item);
    // The base is US-ASCII (§2.5); a line break would also let a value forge the next line.
    if (/[^\t\x20-\x7e]/.test(value)) {
      throw new SignatureError(
        'signature_malformed',
        `the value of ${identifier} has a line break or characters outside printable US-ASCII`,
      );
    }
    lines.push(`${identifier}: ${value}`);
  }
  lines.push(`"@signature-params": ${serializeInnerList(signature)}`);
  return lines.join('\n');
}
