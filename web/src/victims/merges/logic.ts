import { ApiError } from '../../api.ts';
import { survivorOf } from '../persons/edit.ts';
import type { Evidence, Merge, MergedRecords } from './schema.ts';

// Pure rules of the merge pages: why a candidate matched, which record survives, what a proposal
// needs before it is sent, and who may confirm (src/victims/duplicates/merges.ts decides).

export type ReasonKey =
  | 'name'
  | 'birthdate_exact'
  | 'birthdate_year_within_one'
  | 'birthdate_differs'
  | 'identity_number'
  | 'phone';

/** The reasons of a match as translation keys (victims.merges.reasons.*), name likeness in percent. */
export function reasonsOf(evidence: Evidence): { key: ReasonKey; percent: number }[] {
  return evidence.reasons.map((r) => {
    const percent = Math.round((r.similarity ?? 0) * 100);
    if (r.signal === 'birthdate') return { key: `birthdate_${r.match ?? 'exact'}`, percent };
    return { key: r.signal, percent };
  });
}

/** Two records of one person bear one name: the pseudonym tells them apart. */
export const labelOf = (p: { pseudonym: string; name?: string | null }) =>
  p.name && p.name !== p.pseudonym ? `${p.name} (${p.pseudonym})` : p.pseudonym;

export type Survivor = 'this' | 'other';

/** Which record survives decides the two ids of the proposal. */
export function pairOf(survivor: Survivor, thisId: string, otherId: string) {
  return survivor === 'this'
    ? { survivorId: thisId, mergedId: otherId }
    : { survivorId: otherId, mergedId: thisId };
}

export type ProposalForm = { survivor: Survivor; reason: string; selfConfirm: boolean; note: string };
export type ProposalIssue = 'reason' | 'note';

/** A reason is always needed; confirming one's own proposal needs a note saying why (four eyes). */
export function proposalIssues(form: ProposalForm): ProposalIssue[] {
  const issues: ProposalIssue[] = [];
  if (!form.reason.trim()) issues.push('reason');
  if (form.selfConfirm && !form.note.trim()) issues.push('note');
  return issues;
}

/** The proposer confirms only alone (with a note; the server flags it); anyone else as the second pair of eyes. */
export const confirmMode = (m: Pick<Merge, 'proposedBy'>, userId: string): 'alone' | 'second' =>
  m.proposedBy === userId ? 'alone' : 'second';

/** Proposals waiting for a decision, and the rest (newest first, as the server lists them). */
export function splitMerges(merges: readonly Merge[]): { pending: Merge[]; history: Merge[] } {
  return {
    pending: merges.filter((m) => m.status === 'proposed'),
    history: merges.filter((m) => m.status !== 'proposed'),
  };
}

/** Where a person stands in its merged group: merged away (into the survivor), or absorbing others. */
export function groupOf(records: MergedRecords) {
  const mergedAway = records.survivorId !== records.personId;
  const absorbed = records.persons.filter((p) => p.person.id !== records.survivorId);
  const count = (personId: string) => ({
    cases: records.cases.filter((c) => c.personId === personId).length,
    consents: records.consents.filter((c) => c.personId === personId).length,
    assessments: records.assessments.filter((a) => a.personId === personId).length,
  });
  return { mergedAway, survivorId: records.survivorId, absorbed, count };
}

/** The survivor a 409 `merged` names (the person was merged away), or null for any other error. */
export function survivorOfError(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'merged') return null;
  return survivorOf(error.fields, error.message);
}
