import { personProblems } from '../rules.ts';
import type { CaseStatus } from '../tables.ts';
import { CASE_KEY, FIELD_HOMES, type Part, PERSON_KEY } from './fields.ts';
import type { ParsedRow } from './parse-row.ts';

// Rules across a row's cells: which keys each part needs, the person rules of rules.ts (birth date
// after registration, ages, forced-criminality sub-types), closing reasons and support-item rules.

type RuleIssue = { column: string; message: string };

/** cas_Status that follows each lifecycle status when the file gives none (as the case API does). */
export const HTCDS_STATUS_OF: Record<CaseStatus, string> = {
  open: 'Active',
  active: 'Active',
  referred: 'ClosedReferred',
  closed: 'Closed',
};

/** The lifecycle status a file's cas_Status implies when it gives no jar_CaseLifecycleStatus. */
export function lifecycleOf(htcdsStatus: string | null | undefined): CaseStatus {
  if (htcdsStatus === 'Closed') return 'closed';
  if (htcdsStatus === 'ClosedReferred') return 'referred';
  return htcdsStatus ? 'active' : 'open';
}

const PERSON_PARTS: readonly Part[] = [
  'identity',
  'profile',
  'person',
  'victim',
  'perpetrator',
  'organisation',
];
const CASE_PARTS: readonly Part[] = ['case', 'link', 'referral', 'comment', 'plan', 'item'];
const KEY_FIELDS = new Set([PERSON_KEY, CASE_KEY]);

const FIELDS_BY_PART = new Map<Part, [string, string][]>();
for (const [field, [part, key]] of Object.entries(FIELD_HOMES)) {
  const list = FIELDS_BY_PART.get(part) ?? [];
  list.push([key, field]);
  FIELDS_BY_PART.set(part, list);
}

/** The fields of a part that have a value in this row (keys excluded). */
function filledFields(r: ParsedRow, part: Part): string[] {
  const values: Record<string, unknown> = r.values[part];
  return (FIELDS_BY_PART.get(part) ?? []).flatMap(([key, field]) => {
    const v = values[key];
    const empty = v === undefined || v === null || (Array.isArray(v) && v.length === 0);
    return empty || KEY_FIELDS.has(field) ? [] : [field];
  });
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

function personRules(r: ParsedRow): RuleIssue[] {
  const { identity, profile, person, victim } = r.values;
  const paths: Record<string, string> = {
    registeredOn: 'jar_RegistrationDate',
    'identity.birthdate': 'prs_Birthdate',
    'profile.ageAtRegistration': 'jar_AgeAtRegistration',
    'victim.ageWhenTrafficked': 'vic_AgeWhenTrafficked',
    'victim.forcedCriminalityTypes': 'jar_ForcedCriminalityType',
  };
  return personProblems({
    registeredOn: person.registeredOn ?? todayUtc(),
    birthdate: identity.birthdate ?? null,
    ageAtRegistration: profile.ageAtRegistration,
    storedAgeAtRegistration: null,
    ageWhenTrafficked: victim.ageWhenTrafficked ?? null,
    typeOfExploitation: victim.typeOfExploitation ?? [],
    forcedCriminalityTypes: victim.forcedCriminalityTypes ?? [],
  }).map((p) => ({ column: paths[p.path] ?? p.path, message: p.message }));
}

function caseRules(r: ParsedRow): RuleIssue[] {
  const c = r.values.case;
  const status = c.status ?? lifecycleOf(c.htcdsStatus);
  const reason = c.closeReason ?? null;
  if (status === 'closed' && reason === null) {
    return [{ column: 'cas_ReasonForCaseClosure', message: 'is required for a closed case' }];
  }
  if (status !== 'closed' && reason !== null) {
    return [
      {
        column: 'cas_ReasonForCaseClosure',
        message: `is kept only for a closed case; this one is ${status}`,
      },
    ];
  }
  return [];
}

function itemRules(r: ParsedRow): RuleIssue[] {
  const item = r.values.item;
  const issues: RuleIssue[] = [];
  if (!item.kind)
    issues.push({ column: 'jar_SupportItemKind', message: 'is required for a support-plan item' });
  if (item.repatriationStep && item.kind !== 'repatriation') {
    issues.push({ column: 'jar_RepatriationStep', message: 'is only for items of kind repatriation' });
  }
  if (item.startDate && item.endDate && item.endDate < item.startDate) {
    issues.push({ column: 'jar_SupportItemEndDate', message: `is before the start date ${item.startDate}` });
  }
  return issues;
}

function organisationRules(r: ParsedRow): RuleIssue[] {
  const name = r.values.organisation.name ?? null;
  const location = r.values.victim.locationOfExploitation ?? null;
  if (name === null) {
    return filledFields(r, 'organisation').map((column) => ({
      column,
      message: 'needs org_Name: the org_ fields describe the organisation named there',
    }));
  }
  if (location !== null && location !== name) {
    return [
      {
        column: 'org_Name',
        message: `describes the row's vic_LocationOfExploitation, which names "${location}"`,
      },
    ];
  }
  return [];
}

export function rowRuleIssues(r: ParsedRow): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const need = (parts: readonly Part[], key: string, what: string) => {
    const fields = parts.flatMap((part) => filledFields(r, part));
    if (fields.length === 0) return;
    const named =
      fields.length > 3
        ? `${fields.slice(0, 3).join(', ')} and ${fields.length - 3} more`
        : fields.join(', ');
    issues.push({ column: key, message: `is required: the row has ${what} fields (${named})` });
  };
  if (r.personKey === null && r.caseKey === null) {
    issues.push({ column: PERSON_KEY, message: `a row needs ${PERSON_KEY} or ${CASE_KEY}` });
    return issues;
  }
  if (r.personKey === null) need([...PERSON_PARTS, 'event', 'link', 'plan', 'item'], PERSON_KEY, 'person');
  if (r.caseKey === null) need(CASE_PARTS, CASE_KEY, 'case');
  if (r.personKey !== null) issues.push(...personRules(r), ...organisationRules(r));
  if (r.caseKey !== null) issues.push(...caseRules(r));
  if (r.filled.has('item')) issues.push(...itemRules(r));
  return issues;
}
