import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { encryptedColumns } from '../platform/crypto/registry.ts';
import { MIGRATIONS_DIR } from '../platform/db/migrate.ts';
import { repoPath } from '../platform/paths.ts';
import { CATALOGUE_FILE, type CatalogueField, catalogue, parseCatalogue } from './catalogue.ts';
import { victimsEncryptedColumns } from './encrypted-columns.ts';
import { htcdsEncryptedColumns } from './htcds/encrypted-columns.ts';

const SHARED_CSV = repoPath('..', 'shared', 'standards', 'htcds', 'htcds-2.0-fields.csv');

/** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

type StandardField = { name: string; status: string; type: string; valueNames: string; valueLabels: string };

/** The field rows of the standard: those with a real prefix (section headings and N/A examples are not fields). */
function standardFields(): StandardField[] {
  const [header, ...rows] = parseCsv(readFileSync(SHARED_CSV, 'utf8'));
  const col = (name: string) => {
    const i = header?.indexOf(name) ?? -1;
    if (i < 0) throw new Error(`the CSV has no column ${name}`);
    return i;
  };
  const [status, prefix, name, full, type, names, labels] = [
    'Status',
    'Field Name Prefix',
    'Field Name',
    'Field Name including Prefix',
    'Field Type',
    'Value Names (if picklist)',
    'Value Labels (if picklist)',
  ].map(col);
  const at = (r: string[], i: number | undefined) => (i === undefined ? '' : (r[i] ?? '').trim());
  return rows
    .filter((r) => /^[a-z]{3}_$/.test(at(r, prefix)))
    .map((r) => ({
      // One row (per_Organisation) stops after the field name: its full name is prefix + name.
      name: at(r, full) || `${at(r, prefix)}${at(r, name)}`,
      status: at(r, status),
      type: at(r, type),
      valueNames: at(r, names),
      valueLabels: at(r, labels),
    }));
}

describe('HTCDS catalogue vs the standard', () => {
  const shared = existsSync(SHARED_CSV);
  it.skipIf(!shared)(
    'gives every standard field a home, with its status, type and exact picklist values',
    () => {
      const fields = standardFields();
      expect(fields.length).toBeGreaterThanOrEqual(80);
      const byName = new Map(catalogue().fields.map((f) => [f.field, f]));
      const problems: string[] = [];
      for (const s of fields) {
        const f = byName.get(s.name);
        if (!f) {
          problems.push(`${s.name}: no home`);
          continue;
        }
        if (f.status !== s.status) problems.push(`${s.name}: status ${f.status}, standard ${s.status}`);
        if (s.type !== '' && f.type !== s.type)
          problems.push(`${s.name}: type ${f.type}, standard ${s.type}`);
        const cell = s.valueNames || (s.valueLabels.includes('ISO') ? s.valueLabels : '');
        if (f.codeList) {
          if (f.codeList.text !== cell) problems.push(`${s.name}: code list text differs`);
        } else if (cell === '') {
          if (f.values) problems.push(`${s.name}: has values the standard does not`);
        } else if (JSON.stringify(f.values) !== JSON.stringify(cell.split(/\s+/).filter(Boolean))) {
          problems.push(`${s.name}: values ${JSON.stringify(f.values)} differ from ${JSON.stringify(cell)}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it.skipIf(!shared)(
    'lists no standard-looking field the standard lacks: all others are jar_ extensions',
    () => {
      const names = new Set(standardFields().map((s) => s.name));
      const invented = catalogue().fields.filter((f) => !names.has(f.field) && !f.field.startsWith('jar_'));
      expect(invented.map((f) => f.field)).toEqual([]);
    },
  );

  it.runIf(!shared)('is skipped: ../shared/standards/htcds/htcds-2.0-fields.csv is absent', () => {
    console.warn(`catalogue completeness not checked: ${SHARED_CSV} is absent`);
  });

  it('adds the extensions issue 4 requires', () => {
    const has = (name: string) => catalogue().fields.some((f) => f.field === name);
    const exploitation = catalogue().fields.find((f) => f.field === 'vic_TypeOfExploitation');
    expect(exploitation?.extensionValues).toEqual(['ForcedCriminality']);
    for (const name of [
      'jar_ForcedCriminalityType',
      'jar_RecruitmentPlatform',
      'jar_RecruitmentHandle',
      'jar_RecruitmentAdUrl',
      'jar_ScamCompoundName',
      'jar_Ethnicity',
      'jar_Disability',
      'jar_MigrationStatus',
      'jar_AgeAtRegistration',
    ]) {
      expect(has(name), name).toBe(true);
    }
  });
});

describe('HTCDS catalogue vs the database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  async function columnsOf(table: string): Promise<Set<string> | undefined> {
    const rows = await sql<{ column_name: string }>`
      select column_name from information_schema.columns where table_schema = 'public' and table_name = ${table}`.execute(
      database.db,
    );
    return rows.rows.length === 0 ? undefined : new Set(rows.rows.map((r) => r.column_name));
  }

  it('finds every home column in its migrated table (tables whose migration exists)', async () => {
    const cat = catalogue();
    const problems: string[] = [];
    let checked = 0;
    for (const [table, { migration }] of Object.entries(cat.tables)) {
      if (migration === null || !existsSync(`${MIGRATIONS_DIR}/${migration}`)) continue;
      const columns = await columnsOf(table);
      if (!columns) {
        problems.push(`${table}: no such table after ${migration}`);
        continue;
      }
      for (const f of cat.fields.filter((x: CatalogueField) => x.table === table)) {
        checked++;
        if (!columns.has(f.column)) problems.push(`${f.field}: ${table}.${f.column} does not exist`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(90);
  });

  it('registers exactly the encrypted columns of its tables for key rotation', async () => {
    const registered = new Set(
      [...victimsEncryptedColumns, ...htcdsEncryptedColumns].map((c) => `${c.table}.${c.column}`),
    );
    // src/victims and its htcds folder (owner "victims/htcds")
    const victimsTables = Object.entries(catalogue().tables)
      .filter(([, t]) => t.owner === 'victims' || t.owner === 'victims/htcds')
      .map(([name]) => name);
    const inDatabase = new Set<string>(['victims_secrets.secret_enc']);
    for (const table of victimsTables) {
      for (const column of (await columnsOf(table)) ?? []) {
        if (column.endsWith('_enc')) inDatabase.add(`${table}.${column}`);
      }
    }
    expect([...registered].sort()).toEqual([...inDatabase].sort());
    const fromCatalogue = catalogue()
      .fields.filter((f) => f.encrypted && victimsTables.includes(f.table))
      .map((f) => `${f.table}.${f.column}`);
    expect(fromCatalogue.every((c) => registered.has(c))).toBe(true);
    const platformWide = new Set(encryptedColumns.map((c) => `${c.table}.${c.column}`));
    for (const c of registered) expect(platformWide.has(c), c).toBe(true);
  });
});

describe('catalogue loader', () => {
  const good = JSON.parse(readFileSync(CATALOGUE_FILE, 'utf8'));
  const withField = (change: (fields: Record<string, unknown>[]) => void) => {
    const copy = structuredClone(good);
    change(copy.fields);
    return copy;
  };

  it('accepts the shipped file', () => {
    expect(parseCatalogue(good).fields.length).toBe(good.fields.length);
  });

  it('refuses broken entries, naming the field', () => {
    const cases: [string, (f: Record<string, unknown>[]) => void, RegExp][] = [
      ['duplicate', (f) => f.push({ ...f[0] }), /org_Name: is listed twice/],
      ['unknown table', (f) => Object.assign(f[0] ?? {}, { table: 'nowhere' }), /org_Name: table nowhere/],
      [
        'values on text',
        (f) => Object.assign(f[0] ?? {}, { values: ['A'] }),
        /org_Name: a Text field has picklist/,
      ],
      ['plain _enc', (f) => Object.assign(f[0] ?? {}, { column: 'name_enc' }), /org_Name: encrypted fields/],
      [
        'extension status',
        (f) => Object.assign(f[0] ?? {}, { status: 'EXTENSION' }),
        /org_Name: jar_ fields/,
      ],
      [
        'bad value name',
        (f) => Object.assign(f[9] ?? {}, { values: ['Law Enforcement'] }),
        /fields\.9\.values/,
      ],
    ];
    for (const [what, change, message] of cases) {
      expect(() => parseCatalogue(withField(change)), what).toThrow(message);
    }
  });
});
