import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../util/canonical-json.ts';
import { leafBytes, leafIndexOf } from './leaf.ts';

const fields = fc.record({
  index: fc.nat(),
  at: fc.string(),
  actorId: fc.option(fc.uuid(), { nil: null }),
  actor: fc.string(),
  action: fc.string(),
  recordType: fc.string(),
  recordId: fc.option(fc.string(), { nil: null }),
  digest: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((a) => Buffer.from(a)),
});

describe('leafBytes', () => {
  it('is the canonical JSON of the entry and its index', () => {
    fc.assert(
      fc.property(fields, (f) => {
        const bytes = leafBytes(f);
        expect(bytes.toString('utf8')).toBe(canonicalJson({ ...f, digest: f.digest.toString('hex') }));
        expect(leafIndexOf(bytes)).toBe(f.index);
      }),
    );
  });

  it('ignores fields that are not part of a leaf', () => {
    const withSeq = fields.map((f) => ({ ...f, seq: 7 }));
    fc.assert(
      fc.property(withSeq, (f) => {
        // Not an inline literal: a row carrying extra columns is passed as it is, not spelled out.
        const withoutSeq = { ...f, seq: undefined };
        return leafBytes(f).equals(leafBytes(withoutSeq));
      }),
    );
  });

  it('reads no index from bytes that are not a leaf', () => {
    expect(leafIndexOf(Buffer.from('not json'))).toBeUndefined();
    expect(leafIndexOf(Buffer.from('{"index":"3"}'))).toBeUndefined();
  });
});
