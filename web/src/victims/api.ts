import { getJson, sendJson, withQuery } from '../api.ts';
import type { PersonChanges } from './persons/edit.ts';
import {
  type CasePage,
  type CasePersonRole,
  type CaseRecord,
  type CaseStatus,
  caseAnswer,
  caseList,
  catalogueAnswer,
  type Person,
  type PersonPage,
  personAnswer,
  personList,
} from './schema.ts';

// Calls to /api/victims (persons, cases, catalogue) and their query keys. Identification, consent
// and case management have their own api.ts next to their pages.

export const pageSize = 50;

export const victimsKeys = {
  all: ['victims'] as const,
  catalogue: ['victims', 'catalogue'] as const,
  persons: ['victims', 'persons'] as const,
  personList: (name: string) => ['victims', 'persons', 'list', name] as const,
  person: (id: string) => ['victims', 'persons', 'one', id] as const,
  cases: ['victims', 'cases'] as const,
  caseList: (status: CaseStatus | undefined) => ['victims', 'cases', 'list', status ?? 'any'] as const,
  case: (id: string) => ['victims', 'cases', 'one', id] as const,
  /** Every case's support plans and timeline (src/victims/cases): what a consent or assessment adds to. */
  caseManagement: ['victims', 'case-management'] as const,
};

const enc = encodeURIComponent;

export const fetchCatalogue = () => getJson('/api/victims/catalogue', catalogueAnswer);

/** The request body of POST /api/victims/persons (src/victims/person-schema.ts). */
export type NewPerson = {
  registeredOn?: string;
  externalId?: string;
  identity?: Record<string, string>;
  profile?: Record<string, string | number | boolean | string[]>;
  victim?: Record<string, string | string[]>;
};

export const registerPerson = async (body: NewPerson): Promise<Person> =>
  (await sendJson('POST', '/api/victims/persons', body, personAnswer)).person;

/** PATCH: only the changed fields; null clears one (src/victims/person-schema.ts). */
export const updatePerson = async (id: string, body: PersonChanges): Promise<Person> =>
  (await sendJson('PATCH', `/api/victims/persons/${enc(id)}`, body, personAnswer)).person;

export const fetchPerson = async (id: string): Promise<Person> =>
  (await getJson(`/api/victims/persons/${enc(id)}`, personAnswer)).person;

/** Newest first, paged by cursor; or, with a name, one page of the most similar names. */
export const listPersons = (name: string, cursor: string | undefined): Promise<PersonPage> =>
  getJson(
    withQuery('/api/victims/persons', { name: name || undefined, cursor, limit: pageSize }),
    personList,
  );

export const listCases = (status: CaseStatus | undefined, cursor: string | undefined): Promise<CasePage> =>
  getJson(withQuery('/api/victims/cases', { status, cursor, limit: pageSize }), caseList);

export const fetchCase = async (id: string): Promise<CaseRecord> =>
  (await getJson(`/api/victims/cases/${enc(id)}`, caseAnswer)).case;

export type NewCase = { externalId?: string; persons: { personId: string; role: CasePersonRole }[] };

export const openCase = async (body: NewCase): Promise<CaseRecord> =>
  (await sendJson('POST', '/api/victims/cases', body, caseAnswer)).case;

export type StatusChange = { status: CaseStatus; reason?: string };

export const changeCaseStatus = async (id: string, change: StatusChange): Promise<CaseRecord> =>
  (await sendJson('POST', `/api/victims/cases/${enc(id)}/status`, change, caseAnswer)).case;

export const linkCasePerson = async (id: string, personId: string, role: CasePersonRole) =>
  (await sendJson('POST', `/api/victims/cases/${enc(id)}/persons`, { personId, role }, caseAnswer)).case;
