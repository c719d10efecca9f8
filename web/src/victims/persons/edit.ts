import { type Draft, emptyDraft } from '../register/draft.ts';
import type { Person } from '../schema.ts';

// Editing a person reuses the registration wizard's draft and fields. The request
// (PATCH /api/victims/persons/{id}, src/victims/person-schema.ts) carries only what changed, so a
// field the form does not show, or one that failed authentication and shows empty, is left alone;
// a field emptied is sent as null, which clears it.

/** The PATCH body: each part holds only changed fields; null clears. */
export type PersonChanges = {
  registeredOn?: string;
  identity?: Record<string, string | null>;
  profile?: Record<string, string | string[] | number | boolean | null>;
  victim?: Record<string, string | string[] | null>;
};

const identityKeys = [
  'firstName',
  'middleName',
  'secondName',
  'birthdate',
  'identityNumber',
  'mobilePhone',
] as const;
const profileKeys = ['gender', 'citizenship', 'ethnicity', 'disabilities', 'migrationStatus'] as const;
const victimKeys = [
  'typeOfExploitation',
  'forcedCriminalityTypes',
  'recruitmentPlatform',
  'recruitmentHandle',
  'recruitmentAdUrl',
  'locationOfRecruitmentId',
  'locationOfExploitationId',
  'scamCompoundName',
  'scamCompoundCity',
  'scamCompoundCountry',
  'detailsOfVulnerabilities',
] as const;

/** The person as the form starts from (identity fields empty where the reader sees none). */
export function draftOf(person: Person): Draft {
  const blank = emptyDraft(person.registeredOn);
  const identity = person.identity;
  const victim = person.victim;
  const { profile } = person;
  const age = profile.ageAtRegistration;
  return {
    ...blank,
    registeredOn: person.registeredOn.slice(0, 10),
    externalId: person.externalId ?? '',
    firstName: identity?.firstName ?? '',
    middleName: identity?.middleName ?? '',
    secondName: identity?.secondName ?? '',
    birthdate: identity?.birthdate ?? '',
    // With a birth date the server derives the age; the form asks for an age only without one.
    age: identity?.birthdate || age === null || age === undefined ? '' : String(age),
    ageIsEstimate: profile.ageIsEstimate,
    gender: profile.gender ?? '',
    citizenship: profile.citizenship,
    identityNumber: identity?.identityNumber ?? '',
    mobilePhone: identity?.mobilePhone ?? '',
    typeOfExploitation: victim?.typeOfExploitation ?? [],
    forcedCriminalityTypes: victim?.forcedCriminalityTypes ?? [],
    recruitmentPlatform: victim?.recruitmentPlatform ?? '',
    recruitmentHandle: victim?.recruitmentHandle ?? '',
    recruitmentAdUrl: victim?.recruitmentAdUrl ?? '',
    locationOfRecruitmentId: victim?.locationOfRecruitmentId ?? '',
    locationOfExploitationId: victim?.locationOfExploitationId ?? '',
    scamCompoundName: victim?.scamCompoundName ?? '',
    scamCompoundCity: victim?.scamCompoundCity ?? '',
    scamCompoundCountry: victim?.scamCompoundCountry ?? '',
    ethnicity: profile.ethnicity ?? '',
    disabilities: profile.disabilities,
    migrationStatus: profile.migrationStatus ?? '',
    detailsOfVulnerabilities: victim?.detailsOfVulnerabilities ?? '',
  };
}

type Value = string | string[];

function same(a: Value, b: Value): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** A draft value as sent: trimmed text, or null for an empty field (clears it). */
function sent(value: Value): string | string[] | null {
  if (typeof value === 'string') return value.trim() || null;
  return value.length > 0 ? value : null;
}

function changed<K extends keyof Draft>(
  before: Draft,
  after: Draft,
  keys: readonly K[],
): Record<string, string | string[] | null> {
  const out: Record<string, string | string[] | null> = {};
  for (const key of keys) {
    const a = before[key];
    const b = after[key];
    if (typeof a === 'boolean' || typeof b === 'boolean') continue;
    const normal = (v: Value) => (typeof v === 'string' ? v.trim() : v);
    if (!same(normal(a), normal(b))) out[key] = sent(b);
  }
  return out;
}

/**
 * What the form changed, as the PATCH body; `victim`: whether the person has a victim context (the
 * form then edits it; otherwise victim fields are not sent, so none is created by an edit).
 */
export function changesOf(before: Draft, after: Draft, victim: boolean): PersonChanges {
  const body: PersonChanges = {};
  if (after.registeredOn && after.registeredOn !== before.registeredOn)
    body.registeredOn = after.registeredOn;
  const identity = changed(before, after, identityKeys);
  const profile: NonNullable<PersonChanges['profile']> = changed(before, after, profileKeys);
  // An age is recorded only without a birth date (with one, the server derives it).
  if (
    !after.birthdate &&
    (after.age.trim() !== before.age.trim() || after.ageIsEstimate !== before.ageIsEstimate)
  ) {
    const age = Number.parseInt(after.age, 10);
    profile.ageAtRegistration = after.age.trim() && Number.isFinite(age) ? age : null;
    profile.ageIsEstimate = after.ageIsEstimate;
  }
  const victimChanges = victim ? changed(before, after, victimKeys) : {};
  if (Object.keys(identity).length > 0) body.identity = stringsOrNull(identity);
  if (Object.keys(profile).length > 0) body.profile = profile;
  if (Object.keys(victimChanges).length > 0) body.victim = victimChanges;
  return body;
}

function stringsOrNull(record: Record<string, string | string[] | null>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(record)) if (!Array.isArray(value)) out[key] = value;
  return out;
}

export const hasChanges = (body: PersonChanges) => Object.keys(body).length > 0;

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The surviving person a 409 `merged` names (`merged into <id>`), if it names one. */
export function survivorOf(fields: readonly { message: string }[], message: string): string | null {
  for (const text of [...fields.map((f) => f.message), message]) {
    const found = uuid.exec(text);
    if (found) return found[0];
  }
  return null;
}
