import { type Item, parseDictionary } from 'structured-headers';
import { describe, expect, it } from 'vitest';
import { componentValue, signatureBase } from './base.ts';
import { SignatureError } from './errors.ts';
import type { SignableRequest } from './request.ts';

// Derived components of RFC 9421 §2.2, with the section's own example values where it gives them.

const request = (url: string, headers: SignableRequest['headers'] = {}): SignableRequest => ({
  method: 'post',
  url,
  headers,
});
const value = (req: SignableRequest, name: string) => componentValue(req, [name, new Map()]);

describe('derived components', () => {
  const req = request('https://www.example.com/path?param=value&foo=bar&baz=batman');

  it('match the §2.2 examples', () => {
    expect(value(req, '@method')).toBe('POST');
    expect(value(req, '@target-uri')).toBe('https://www.example.com/path?param=value&foo=bar&baz=batman');
    expect(value(req, '@authority')).toBe('www.example.com');
    expect(value(req, '@scheme')).toBe('https');
    expect(value(req, '@request-target')).toBe('/path?param=value&foo=bar&baz=batman');
    expect(value(req, '@path')).toBe('/path');
    expect(value(req, '@query')).toBe('?param=value&foo=bar&baz=batman');
  });

  it('normalise the authority and give "?" for an absent query', () => {
    expect(value(request('https://Example.COM:8443/x'), '@authority')).toBe('example.com:8443');
    expect(value(request('https://example.com:443/x'), '@authority')).toBe('example.com');
    expect(value(request('http://example.com:80'), '@path')).toBe('/');
    expect(value(request('https://example.com/x'), '@query')).toBe('?');
    expect(value(request('https://example.com/x?'), '@query')).toBe('?');
  });
});

describe('fields', () => {
  it('are trimmed, found in any case, and joined with ", " when sent twice', () => {
    expect(value(request('https://a.example/', { 'X-Thing': '  one  ' }), 'x-thing')).toBe('one');
    expect(value(request('https://a.example/', { 'x-thing': 'one', 'X-THING': 'two' }), 'x-thing')).toBe(
      'one, two',
    );
    const headers = new Headers();
    headers.append('X-Thing', ' one');
    headers.append('x-thing', 'two ');
    expect(value(request('https://a.example/', headers), 'x-thing')).toBe('one, two');
    expect(value(request('https://a.example/', { 'x-empty': '' }), 'x-empty')).toBe('');
  });

  it('missing ones are named', () => {
    expect(() => value(request('https://a.example/'), 'jaring-message-id')).toThrowError(
      new SignatureError('component_missing', 'the covered header "jaring-message-id" is missing'),
    );
  });
});

describe('signatureBase', () => {
  it('lists components in order and ends with @signature-params', () => {
    const input = parseDictionary('s=("@method" "x-a");created=1;keyid="k"').get('s');
    if (!input || !Array.isArray(input[0])) throw new Error('not an inner list');
    const items: Item[] = input[0];
    expect(signatureBase(request('https://a.example/', { 'X-A': 'b' }), [items, input[1]])).toBe(
      '"@method": POST\n"x-a": b\n"@signature-params": ("@method" "x-a");created=1;keyid="k"',
    );
  });
});
