import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonical JSON', () => {
  it('writes any JSON value as JSON that reads back equal, keys sorted at every level', () => {
    fc.assert(
      // As JSON reads it back (-0 is written as 0).
      fc.property(
        fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown),
        (value) => {
          const text = canonicalJson(value);
          expect(JSON.parse(text)).toEqual(value);
          expect(canonicalJson(JSON.parse(text))).toBe(text);
        },
      ),
    );
    expect(canonicalJson({ b: { d: 1, c: [2, { f: 0, e: null }] }, a: 'x' })).toBe(
      '{"a":"x","b":{"c":[2,{"e":null,"f":0}],"d":1}}',
    );
  });

  it('writes dates as ISO text, buffers as hex, drops undefined members, and honours toJSON', () => {
    const sealed = { toJSON: () => 'jf1.k.abc', ignored: 1 };
    expect(
      canonicalJson({
        when: new Date(Date.UTC(2026, 10, 24)),
        digest: Buffer.from([0, 255]),
        gone: undefined,
        list: [undefined, sealed],
        n: 10n,
      }),
    ).toBe('{"digest":"00ff","list":[null,"jf1.k.abc"],"n":"10","when":"2026-11-24T00:00:00.000Z"}');
  });
});
