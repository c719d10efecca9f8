import { ApiError, getJson, sendJson, withQuery } from '../../api.ts';
import {
  type AuditPage,
  auditCatalogue,
  auditPage,
  type Checkpoint,
  checkpoint,
  type InclusionProof,
  inclusionProof,
} from './schema.ts';

export const pageSize = 50;

/** What the log is filtered by: each compared exactly by the server. */
export type AuditFilters = { action?: string; recordType?: string; recordId?: string; actor?: string };

export const auditKeys = {
  entries: (filters: AuditFilters, before: string | undefined) =>
    ['audit', 'entries', filters, before ?? 'newest'] as const,
  catalogue: ['audit', 'catalogue'] as const,
  latestCheckpoint: ['audit', 'checkpoint', 'latest'] as const,
  inclusion: (index: string, treeSize: string) => ['audit', 'inclusion', index, treeSize] as const,
};

export function listEntries(filters: AuditFilters, before: string | undefined): Promise<AuditPage> {
  return getJson(withQuery('/api/audit/entries', { ...filters, before, limit: pageSize }), auditPage);
}

export function fetchCatalogue() {
  return getJson('/api/audit/catalogue', auditCatalogue);
}

/** The latest signed checkpoint, or null before the first one exists (404). */
export async function fetchLatestCheckpoint(): Promise<Checkpoint | null> {
  try {
    return await getJson('/api/audit/checkpoints/latest', checkpoint);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function createCheckpoint(): Promise<Checkpoint> {
  return sendJson('POST', '/api/audit/checkpoints', {}, checkpoint);
}

/** The proof that entry `index` is in the tree of the first `treeSize` entries. */
export function fetchInclusionProof(index: string, treeSize: string): Promise<InclusionProof> {
  return getJson(withQuery('/api/audit/proofs/inclusion', { index, treeSize }), inclusionProof);
}
