import { describe, expect, it } from 'vitest';
import { htcdsRow, typicalRow } from '../../../test/helpers/htcds-rows.ts';
import { htcdsHeader } from './fields.ts';
import { layoutOf, parseRow } from './parse-row.ts';

// The first pass checks only the cells no earlier row of the file had (cellsAccepted): a row must
// come out the same, values and problems, as on its own.
describe('parseRow after rows that share its cells', () => {
  const header = htcdsHeader();
  const layout = () => {
    const { layout } = layoutOf(header);
    if (!layout) throw new Error('header');
    return layout;
  };
  const record = (row: number, cells: Record<string, string>) => ({
    row,
    cells: header.map((f) => cells[f] ?? ''),
  });
  const broken: Record<string, string>[] = [
    { prs_Gender: 'Unknown-ish' },
    { prs_Birthdate: '2999-01-01', jar_RegistrationDate: '2999-01-02' },
    { prs_MobilePhone: '+66 81 x', org_Phone: '12' },
    { vic_MethodsOfControl: 'DebtBondage;DebtBondage' },
    { prs_FirstName: 'x'.repeat(201), cas_Status: 'Nope' },
    { hte_Latitude: '91', jar_SupportItemKind: 'shelter', jar_SupportItemStatus: 'later' },
    { prs_CountryOfBirth: 'Thailand', org_ShippingCountry: 'th' },
  ];

  it('gives the values and problems a row gives on its own', () => {
    const warm = layout();
    const rows = Array.from({ length: 40 }, (_, i) => (i % 2 ? htcdsRow(i) : typicalRow(i)));
    for (const [i, cells] of rows.entries()) parseRow(warm, record(i + 2, cells));
    for (const [i, cells] of rows.entries()) {
      for (const change of [{}, ...broken]) {
        const r = record(100 + i, { ...cells, ...change });
        const alone = parseRow(layout(), r);
        expect(parseRow(warm, r)).toEqual(alone);
        if (Object.keys(change).length > 0) expect(alone.issues.length).toBeGreaterThan(0);
      }
    }
  });
});
