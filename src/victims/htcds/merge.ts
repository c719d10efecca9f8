import { effectiveAge } from '../rules.ts';
import { type CellValue, storedForm } from './codec.ts';
import { type Column, columnOf, FIELD_HOMES, type Part } from './fields.ts';
import type { ParsedRow } from './parse-row.ts';
import { blank, bool, num, type Plain, text } from './plain.ts';
import { HTCDS_STATUS_OF, lifecycleOf } from './row-rules.ts';
import type { CasePlain, PersonPlain } from './stored.ts';

// What a row will store: its values laid over what is stored (or nothing, for a new record).
// Person and case fields: the file's columns are the truth (an empty cell clears). Blocks a row may
// leave out (victim, perpetrator, organisation, referral, event, plan, item): an all-empty block
// changes nothing; a block with a value replaces the stored block's columns that are in the file.

/** Per part, each key's catalogue column (looked up once, not per row and key). */
const COLUMN_OF = new Map<Part, Map<string, Column>>();
for (const [field, [part, key]] of Object.entries(FIELD_HOMES)) {
  const columns = COLUMN_OF.get(part) ?? new Map<string, Column>();
  columns.set(key, columnOf(field));
  COLUMN_OF.set(part, columns);
}

/** `base` with the row's values of `part` laid over it (phones normalised as they are stored). */
function overlay(part: Part, base: Plain, row: ParsedRow): Plain {
  const out: Plain = { ...base };
  const columns = COLUMN_OF.get(part);
  const values: Record<string, CellValue | undefined> = row.values[part];
  for (const key in values) {
    const value = values[key];
    if (value === undefined) continue;
    const column = columns?.get(key);
    out[key] = column ? storedForm(column, value) : value;
  }
  return out;
}

const filledOrKept = (part: Part, stored: Plain | null | undefined, row: ParsedRow): Plain | null =>
  row.filled.has(part) ? overlay(part, stored ?? blank(part), row) : (stored ?? null);

const VICTIM_LISTS = [
  'recruitmentWebsitesAndApps',
  'methodOfRecruitment',
  'methodsOfControl',
  'typeOfExploitation',
  'typeOfSexExploitation',
  'exploitationWebsitesAndApps',
  'vulnerabilities',
  'forcedCriminalityTypes',
];

/** Multiselects are stored as lists: no value is the empty list. */
function withLists(values: Plain | null, keys: readonly string[]): Plain | null {
  if (!values) return null;
  for (const k of keys) values[k] ??= [];
  return values;
}

export function mergePerson(
  stored: PersonPlain | undefined,
  row: ParsedRow,
  key: string,
  today: string,
): PersonPlain {
  const identity = overlay('identity', stored?.identity ?? blank('identity'), row);
  const person = overlay('person', stored?.person ?? blank('person'), row);
  person.externalId = key;
  const registeredOn = text(person, 'registeredOn') ?? text(stored?.person, 'registeredOn') ?? today;
  person.registeredOn = registeredOn;
  const profile = withLists(overlay('profile', stored?.profile ?? blank('profile'), row), [
    'citizenship',
    'disabilities',
  ]);
  const birthdate = text(identity, 'birthdate');
  const age = effectiveAge({
    birthdate,
    registeredOn,
    ageAtRegistration: num(profile, 'ageAtRegistration'),
    storedAgeAtRegistration: null,
  });
  let victim = filledOrKept('victim', stored?.victim, row);
  const place = row.values.organisation.name ?? null;
  if (place !== null && text(victim, 'locationOfExploitation') === null) {
    // The org_ block describes the place of exploitation: naming it there is enough.
    victim = { ...(victim ?? blank('victim')), locationOfExploitation: place };
  }
  return {
    identity,
    profile: {
      ...profile,
      ageAtRegistration: age,
      ageIsEstimate: birthdate === null && bool(profile, 'ageIsEstimate') === true,
    },
    person,
    victim: withLists(victim, VICTIM_LISTS),
    perpetrator: withLists(filledOrKept('perpetrator', stored?.perpetrator, row), ['roleInProcess']),
    // The organisation is its own record, merged by name (mergeOrganisation).
    organisation: null,
  };
}

export function mergeCase(stored: CasePlain | undefined, row: ParsedRow, key: string, today: string): Plain {
  const merged = overlay('case', stored?.case ?? blank('case'), row);
  const given = row.values.case;
  const statusGiven = given.status !== undefined && given.status !== null;
  const htcdsGiven = given.htcdsStatus !== undefined && given.htcdsStatus !== null;
  let status: string;
  if (statusGiven) status = given.status ?? 'open';
  else if (htcdsGiven || stored === undefined) status = lifecycleOf(text(merged, 'htcdsStatus'));
  else status = text(stored.case, 'status') ?? 'open';
  const known = status === 'active' || status === 'referred' || status === 'closed' ? status : 'open';
  merged.externalId = key;
  merged.status = known;
  if (!htcdsGiven && (statusGiven || text(merged, 'htcdsStatus') === null))
    merged.htcdsStatus = HTCDS_STATUS_OF[known];
  merged.openedOn = text(merged, 'openedOn') ?? today;
  if (known !== 'closed') merged.closeReason = null;
  return merged;
}

export function mergeBlock(
  part: 'referral' | 'event' | 'plan' | 'item',
  stored: Plain | null | undefined,
  row: ParsedRow,
): Plain | null {
  const merged = filledOrKept(part, stored, row);
  // An item's status defaults as the table's does, so a file without it compares equal next time.
  if (merged && part === 'item') merged.status ??= 'planned';
  return merged;
}

/** The row's org_ block laid over the organisation stored under that name. */
export function mergeOrganisation(stored: Plain | null, row: ParsedRow): Plain | null {
  return row.filled.has('organisation')
    ? overlay('organisation', stored ?? blank('organisation'), row)
    : null;
}
