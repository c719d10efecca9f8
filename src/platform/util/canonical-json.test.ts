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

  it('writes an object whose keys are already in order exactly as a sorted copy of it', () => {
    // The reference: what canonical JSON was before it reused objects already in order.
    const copy = (v: unknown): unknown => {
      if (v === null || typeof v !== 'object') return v;
      if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : copy(x)));
      if (typeof (v as { toJSON?: unknown }).toJSON === 'function')
        return copy((v as { toJSON(): unknown }).toJSON());
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== undefined) out[k] = copy(x);
      }
      return out;
    };
    // Values as they are built: some objects in key order, some not, members undefined, toJSON
    // objects that give text, a list or an object out of order.
    const sortedDeep = (v: unknown): unknown => JSON.parse(canonicalJson(v));
    const withToJson = (v: unknown) => ({ toJSON: () => v, ignored: 1 });
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.jsonValue(), fc.constant(undefined)),
      node: fc.oneof(
        tie('leaf'),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 3 }), tie('node'), { maxKeys: 5 }),
        fc.dictionary(fc.string({ maxLength: 3 }), tie('node'), { maxKeys: 5 }).map(sortedDeep),
        tie('node').map(withToJson),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(JSON.stringify(copy(v)));
      }),
      { numRuns: 2000 },
    );
  });
});
