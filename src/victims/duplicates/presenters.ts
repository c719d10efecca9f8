import type { FieldCipher } from '../../platform/crypto/fields.ts';
import { openField } from '../identity.ts';
import { presentPersonSummary } from '../presenters.ts';
import type { Candidate } from './candidates.ts';
import type { MergeSealedColumn } from './encrypted-columns.ts';
import type { MergedRecords } from './records.ts';
import type { MergeRow } from './repo.ts';

// What the duplicates routes return; every field is listed, so a new column never leaks by accident.

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export function presentCandidate(c: Candidate) {
  const v = c.viewed;
  return { person: presentPersonSummary(v.record, v.pseudonym, v.opened), evidence: c.evidence };
}

/** Merges are caseworker-only, so their sealed reasons are opened; a tampered one is reported, never shown. */
export function presentMerge(cipher: FieldCipher, m: MergeRow) {
  const tampered: string[] = [];
  const open = (path: string, column: MergeSealedColumn, sealed: string | null) => {
    const opened = openField(cipher, 'person_merges', column, m.id, sealed);
    if (opened !== 'tampered') return opened.value;
    tampered.push(path);
    return null;
  };
  return {
    id: m.id,
    survivorId: m.survivor_id,
    mergedId: m.merged_id,
    status: m.status,
    evidence: m.evidence,
    reason: open('reason', 'reason_enc', m.reason_enc),
    proposedBy: m.proposed_by,
    proposedAt: m.proposed_at.toISOString(),
    decidedBy: m.decided_by,
    decidedAt: iso(m.decided_at),
    decisionNote: open('decisionNote', 'decision_note_enc', m.decision_note_enc),
    selfConfirmed: m.self_confirmed,
    unmergedBy: m.unmerged_by,
    unmergedAt: iso(m.unmerged_at),
    unmergeReason: open('unmergeReason', 'unmerge_reason_enc', m.unmerge_reason_enc),
    integrity: {
      status: tampered.length > 0 ? ('tampered' as const) : ('ok' as const),
      tamperedFields: tampered,
    },
  };
}

export function presentMergedRecords(r: MergedRecords) {
  return {
    personId: r.personId,
    survivorId: r.survivorId,
    persons: r.persons.map(({ viewed: v, merge }) => ({
      person: presentPersonSummary(v.record, v.pseudonym, v.opened),
      mergedInto: merge?.survivor_id ?? null,
      mergeId: merge?.id ?? null,
      mergedAt: iso(merge?.decided_at ?? null),
    })),
    cases: r.cases.map((c) => ({
      caseId: c.case_id,
      personId: c.person_id,
      role: c.role,
      status: c.status,
      openedOn: c.opened_on,
      linkedAt: c.linked_at.toISOString(),
    })),
    // Facts only: the names of givers, witnesses and interpreters stay in the consent routes.
    consents: r.consents.map(({ consent: c, withdrawal: w }) => ({
      id: c.id,
      personId: c.person_id,
      purpose: c.purpose,
      categories: c.categories,
      recipientCountry: c.recipient_country,
      recipientAgency: c.recipient_agency,
      givenBy: c.given_by,
      conConsent: c.con_consent,
      givenAt: c.given_at.toISOString(),
      expiresAt: c.expires_at.toISOString(),
      withdrawnAt: iso(w?.withdrawn_at ?? null),
    })),
    assessments: r.assessments.map((a) => ({
      id: a.id,
      personId: a.person_id,
      decision: a.decision,
      nonPunishment: a.non_punishment,
      assessedAt: a.assessed_at.toISOString(),
    })),
  };
}
