import type { Exec } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../../platform/http/policy.ts';
import { type CaseRow, findCase } from '../case-repo.ts';
import { isCaseworker } from './policy.ts';
import { isTeamMember } from './team-repo.ts';

// Who sees a case's management records: the agency's caseworkers, its owner and its team. Anyone
// else — another agency, or a non-caseworker off the team — is told the case was not found, so the
// answer does not reveal that it exists.

export async function requireVisibleCase(
  tx: Exec,
  principal: Principal,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<CaseRow> {
  const row = await findCase(tx, principal.agencyId, caseId, options);
  if (!row || !(await maySeeCase(tx, principal, row))) throw notFound('The case');
  return row;
}

export async function maySeeCase(
  db: Exec,
  user: Pick<Principal, 'userId' | 'roles'>,
  row: CaseRow,
): Promise<boolean> {
  if (isCaseworker(user.roles) || row.owner_id === user.userId) return true;
  return isTeamMember(db, row.id, user.userId);
}
