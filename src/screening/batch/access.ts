import type { Principal } from '../../platform/http/policy.ts';
import type { BatchRow } from './repo.ts';

// Who may see a batch (its status, its results): the user who uploaded it, and the analysts of
// the same agency. Everyone else is answered as if it did not exist.
export function canSeeBatch(p: Principal, b: Pick<BatchRow, 'created_by' | 'agency_id'>): boolean {
  if (b.created_by === p.userId) return true;
  return p.roles.includes('analyst') && b.agency_id === p.agencyId;
}
