import { getJson, sendJson, withQuery } from '../../api.ts';
import { hasAnyRole } from '../../platform/roles.ts';
import {
  type Candidate,
  duplicatesAnswer,
  type Merge,
  type MergedRecords,
  type MergeStatus,
  mergeAnswer,
  mergedRecords,
  mergeList,
} from './schema.ts';

// Calls to the duplicates and merge routes (src/victims/duplicates/README.md) and their query keys.
// Every route is caseworkers' (duplicates/policy.ts); the UI only hides them from other roles.

export const mayMerge = (roles: readonly string[]) => hasAnyRole(roles, ['caseworker']);

export const mergeKeys = {
  /** Everything below: what a merge step changes. */
  all: ['victims', 'merges'] as const,
  list: (status: MergeStatus | 'any') => ['victims', 'merges', 'list', status] as const,
  duplicates: (personId: string) => ['victims', 'merges', 'person', personId, 'duplicates'] as const,
  records: (personId: string) => ['victims', 'merges', 'person', personId, 'records'] as const,
};

const enc = encodeURIComponent;

export const fetchDuplicates = async (personId: string): Promise<Candidate[]> =>
  (await getJson(`/api/victims/persons/${enc(personId)}/duplicates?limit=10`, duplicatesAnswer)).candidates;

export const fetchMergedRecords = (personId: string): Promise<MergedRecords> =>
  getJson(`/api/victims/persons/${enc(personId)}/merged-records`, mergedRecords);

export const listMerges = async (status: MergeStatus | undefined): Promise<Merge[]> =>
  (await getJson(withQuery('/api/victims/merges', { status, limit: 100 }), mergeList)).merges;

export type NewMerge = { survivorId: string; mergedId: string; reason: string };

export const proposeMerge = async (body: NewMerge): Promise<Merge> =>
  (await sendJson('POST', '/api/victims/merges', body, mergeAnswer)).merge;

const step = async (id: string, action: 'confirm' | 'reject' | 'unmerge', body: object) =>
  (await sendJson('POST', `/api/victims/merges/${enc(id)}/${action}`, body, mergeAnswer)).merge;

/** A note is required when you confirm your own proposal (the merge is then flagged self-confirmed). */
export const confirmMerge = (id: string, note: string | undefined) =>
  step(id, 'confirm', note === undefined ? {} : { note });
export const rejectMerge = (id: string, note: string) => step(id, 'reject', { note });
export const unmergeMerge = (id: string, reason: string) => step(id, 'unmerge', { reason });
