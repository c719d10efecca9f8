import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { repoPath } from '../platform/paths.ts';

// The HTCDS 2.0 field catalogue (data/htcds/fields.json): every standard field's home (table,
// column), its picklist value names exactly as IOM publishes them, and Jaring's jar_ extensions.
// Validated when loaded; a bad file stops the start with a message naming the field.

export const HTCDS_TYPES = [
  'Text',
  'Long Text',
  'Date',
  'Number',
  'Checkbox',
  'Picklist',
  'Multiselect Picklist',
  'Picklist or Text',
  'Geolocation',
  'Lookup [to organisation]',
  'Lookup [to user]',
  'Lookup [to person]',
] as const;

const identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a lower-case SQL identifier');
const valueName = z.string().regex(/^[A-Za-z0-9_]+$/, 'a value name: letters, digits and _');
const sourceId = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,79}$/);

const fieldSchema = z.strictObject({
  field: z.string().regex(/^[a-z]{3}_[A-Za-z0-9]+$/, 'a prefixed field name such as prs_FirstName'),
  section: z.string().min(1),
  label: z.string().min(1),
  status: z.enum(['DRAFT', 'DEPRECATED', 'EXTENSION']),
  type: z.enum(HTCDS_TYPES),
  table: identifier,
  column: identifier,
  encrypted: z.boolean(),
  /** Picklist value names, exactly as the standard (or, for jar_ fields, Jaring) lists them. */
  values: z.array(valueName).min(1).optional(),
  /** Values Jaring adds to a standard picklist (never removes one). */
  extensionValues: z.array(valueName).min(1).optional(),
  /** A picklist whose values are a code standard; `text` is the standard's wording, verbatim. */
  codeList: z
    .strictObject({ standard: z.enum(['ISO 3166-1 alpha-2', 'ISO 639']), text: z.string().min(1) })
    .optional(),
  sources: z.array(sourceId).min(1).optional(),
  valueSources: z.record(valueName, z.array(sourceId)).optional(),
  note: z.string().min(1).optional(),
});
export type CatalogueField = z.infer<typeof fieldSchema>;

const catalogueSchema = z.strictObject({
  name: z.string(),
  version: z.number().int().min(1),
  updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  standard: z.strictObject({
    title: z.string(),
    version: z.literal('2.0'),
    publisher: z.string(),
    url: z.url(),
    file: z.string(),
    licence: z.literal('CC BY 4.0'),
    licenceUrl: z.url(),
    attribution: z.string().min(1),
  }),
  extensionPrefix: z.literal('jar_'),
  tables: z.record(
    identifier,
    z.strictObject({
      owner: z.string().min(1),
      migration: z
        .string()
        .regex(/^\d{4}_[a-z0-9_]+\.sql$/)
        .nullable(),
    }),
  ),
  sources: z.array(
    z.strictObject({
      id: sourceId,
      publisher: z.string().min(1),
      title: z.string().min(1),
      year: z.number().int().min(1990).max(2100),
      url: z.url(),
      note: z.string().min(1).optional(),
    }),
  ),
  fields: z.array(fieldSchema).min(1),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

const PICKLISTS = new Set(['Picklist', 'Multiselect Picklist', 'Picklist or Text']);

/** Cross-field rules zod cannot express; returns one message per broken rule. */
function checkCatalogue(c: Catalogue): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const homes = new Set<string>();
  const sourceIds = new Set(c.sources.map((s) => s.id));
  for (const f of c.fields) {
    const at = (m: string) => problems.push(`${f.field}: ${m}`);
    if (seen.has(f.field)) at('is listed twice');
    seen.add(f.field);
    const home = `${f.table}.${f.column}`;
    if (homes.has(home)) at(`shares its home ${home} with another field`);
    homes.add(home);
    const isExtension = f.field.startsWith(c.extensionPrefix);
    if (isExtension !== (f.status === 'EXTENSION')) at('jar_ fields, and only they, have status EXTENSION');
    if (!(f.table in c.tables)) at(`table ${f.table} is not in "tables"`);
    if (f.encrypted !== f.column.endsWith('_enc'))
      at('encrypted fields, and only they, live in *_enc columns');
    // A code list may qualify a Text field too (the standard's prs_MailingCountry); values may not.
    if (f.values && !PICKLISTS.has(f.type)) at(`a ${f.type} field has picklist values`);
    if (f.values && f.codeList) at('has both values and a codeList');
    if (f.extensionValues && !f.values) at('extensionValues need standard values to extend');
    for (const v of f.extensionValues ?? [])
      if (f.values?.includes(v)) at(`${v} is already a standard value`);
    if (f.values && new Set(f.values).size !== f.values.length) at('repeats a value');
    for (const s of [...(f.sources ?? []), ...Object.values(f.valueSources ?? {}).flat()]) {
      if (!sourceIds.has(s)) at(`cites unknown source ${s}`);
    }
    for (const v of Object.keys(f.valueSources ?? {})) {
      if (!f.values?.includes(v)) at(`valueSources names ${v}, which is not one of its values`);
    }
  }
  return problems;
}

export function parseCatalogue(json: unknown): Catalogue {
  const parsed = catalogueSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`HTCDS catalogue: ${first?.path.join('.')}: ${first?.message}`);
  }
  const problems = checkCatalogue(parsed.data);
  if (problems.length > 0) throw new Error(`HTCDS catalogue: ${problems.join('; ')}`);
  return parsed.data;
}

export const CATALOGUE_FILE = repoPath('data', 'htcds', 'fields.json');

let loaded: Catalogue | undefined;

/** The catalogue, read and validated once per process. */
export function catalogue(): Catalogue {
  loaded ??= parseCatalogue(JSON.parse(readFileSync(CATALOGUE_FILE, 'utf8')));
  return loaded;
}

export function catalogueField(name: string): CatalogueField {
  const field = catalogue().fields.find((f) => f.field === name);
  if (!field) throw new Error(`HTCDS catalogue has no field ${name}`);
  return field;
}

/** The values a picklist field accepts: the standard's, then Jaring's additions. */
export function allowedValues(name: string): [string, ...string[]] {
  const field = catalogueField(name);
  const values = [...(field.values ?? []), ...(field.extensionValues ?? [])];
  const [first, ...rest] = values;
  if (first === undefined) throw new Error(`HTCDS field ${name} is not an enumerated picklist`);
  return [first, ...rest];
}
