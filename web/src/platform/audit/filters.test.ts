import { describe, expect, it } from 'vitest';
import { filtersFrom, isFiltered, paramsFrom, recordAuditPath } from './filters.ts';

describe('audit filters in the URL', () => {
  it('reads the four filters, trimmed, and ignores empty and unknown ones', () => {
    const params = new URLSearchParams('action=person.read&recordType=&recordId=%20r-1%20&actor=admin&x=1');
    expect(filtersFrom(params)).toEqual({ action: 'person.read', recordId: 'r-1', actor: 'admin' });
    expect(filtersFrom(new URLSearchParams(''))).toEqual({});
  });

  it('writes them back with the page cursor, and round-trips', () => {
    const filters = { recordType: 'case', actor: 'x y' };
    const params = paramsFrom(filters, '42');
    expect(params).toEqual({ recordType: 'case', actor: 'x y', before: '42' });
    expect(filtersFrom(new URLSearchParams(params))).toEqual(filters);
    expect(isFiltered({})).toBe(false);
    expect(isFiltered(filters)).toBe(true);
  });

  it('links one record with its id encoded', () => {
    expect(recordAuditPath('a b&c')).toBe('/audit?recordId=a%20b%26c');
  });
});
