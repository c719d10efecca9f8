import type { NewPerson } from '../api.ts';

// The registration wizard's state, and the request body it becomes. Empty fields are left out (the
// server stores "no value"). Nothing here is kept in browser storage: the device may be shared.

export type Draft = {
  registeredOn: string;
  externalId: string;
  firstName: string;
  middleName: string;
  secondName: string;
  birthdate: string;
  age: string;
  ageIsEstimate: boolean;
  gender: string;
  citizenship: string[];
  identityNumber: string;
  mobilePhone: string;
  typeOfExploitation: string[];
  forcedCriminalityTypes: string[];
  recruitmentPlatform: string;
  recruitmentHandle: string;
  recruitmentAdUrl: string;
  /** HTCDS lookups: ids of the agency's organisations, or '' */
  locationOfRecruitmentId: string;
  locationOfExploitationId: string;
  scamCompoundName: string;
  scamCompoundCity: string;
  scamCompoundCountry: string;
  ethnicity: string;
  disabilities: string[];
  migrationStatus: string;
  detailsOfVulnerabilities: string;
};

export const steps = ['identity', 'exploitation', 'vulnerability', 'review'] as const;
export type Step = (typeof steps)[number];

/** Today in the device's time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function emptyDraft(today = localToday()): Draft {
  return {
    registeredOn: today,
    externalId: '',
    firstName: '',
    middleName: '',
    secondName: '',
    birthdate: '',
    age: '',
    ageIsEstimate: true,
    gender: '',
    citizenship: [],
    identityNumber: '',
    mobilePhone: '',
    typeOfExploitation: [],
    forcedCriminalityTypes: [],
    recruitmentPlatform: '',
    recruitmentHandle: '',
    recruitmentAdUrl: '',
    locationOfRecruitmentId: '',
    locationOfExploitationId: '',
    scamCompoundName: '',
    scamCompoundCity: '',
    scamCompoundCountry: '',
    ethnicity: '',
    disabilities: [],
    migrationStatus: '',
    detailsOfVulnerabilities: '',
  };
}

export const forcedCriminality = 'ForcedCriminality';

/** Keeps the draft consistent: sub-types of forced criminality only while it is selected. */
export function withExploitation(draft: Draft, types: string[]): Draft {
  return types.includes(forcedCriminality)
    ? { ...draft, typeOfExploitation: types }
    : { ...draft, typeOfExploitation: types, forcedCriminalityTypes: [] };
}

/** Copies the non-empty fields, trimmed. */
function filled<K extends keyof Draft>(draft: Draft, keys: readonly K[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of keys) {
    const value = draft[key];
    if (typeof value === 'string' && value.trim()) out[key] = value.trim();
    if (Array.isArray(value) && value.length > 0) out[key] = value;
  }
  return out;
}

export function toBody(draft: Draft): NewPerson {
  const identity = filled(draft, [
    'firstName',
    'middleName',
    'secondName',
    'birthdate',
    'identityNumber',
    'mobilePhone',
  ]);
  const profile: NonNullable<NewPerson['profile']> = filled(draft, [
    'gender',
    'citizenship',
    'ethnicity',
    'disabilities',
    'migrationStatus',
  ]);
  // A birth date gives the age; an age without one is recorded as the officer's estimate or not.
  const age = Number.parseInt(draft.age, 10);
  if (!draft.birthdate && draft.age.trim() && Number.isFinite(age)) {
    profile.ageAtRegistration = age;
    profile.ageIsEstimate = draft.ageIsEstimate;
  }
  const victim = filled(draft, [
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
  ]);
  const body: NewPerson = { registeredOn: draft.registeredOn, victim };
  if (draft.externalId.trim()) body.externalId = draft.externalId.trim();
  if (Object.keys(identity).length > 0) body.identity = stringsOnly(identity);
  if (Object.keys(profile).length > 0) body.profile = profile;
  return body;
}

function stringsOnly(record: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) if (typeof value === 'string') out[key] = value;
  return out;
}

export type DraftIssue = { step: Step; field: keyof Draft; problem: 'afterRegistration' | 'notUrl' | 'age' };

/** What the wizard can tell before sending; the server checks everything again. */
export function draftIssues(draft: Draft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  if (draft.birthdate && draft.registeredOn && draft.birthdate > draft.registeredOn) {
    issues.push({ step: 'identity', field: 'birthdate', problem: 'afterRegistration' });
  }
  const age = draft.age.trim();
  if (!draft.birthdate && age && !(/^\d{1,3}$/.test(age) && Number(age) <= 130)) {
    issues.push({ step: 'identity', field: 'age', problem: 'age' });
  }
  if (draft.recruitmentAdUrl.trim() && !isHttpUrl(draft.recruitmentAdUrl.trim())) {
    issues.push({ step: 'exploitation', field: 'recruitmentAdUrl', problem: 'notUrl' });
  }
  return issues;
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** The wizard step holding the field a server error names (e.g. `identity.birthdate`). */
export function stepOfPath(path: string): Step {
  if (path.startsWith('identity.') || path === 'registeredOn' || path === 'externalId') return 'identity';
  if (path.startsWith('profile.ageAtRegistration') || path.startsWith('profile.gender')) return 'identity';
  if (path.startsWith('profile.citizenship')) return 'identity';
  if (path.startsWith('profile.')) return 'vulnerability';
  if (path === 'victim.detailsOfVulnerabilities') return 'vulnerability';
  if (path.startsWith('victim.')) return 'exploitation';
  return 'review';
}
