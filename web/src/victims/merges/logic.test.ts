import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api.ts';
import {
  confirmMode,
  groupOf,
  labelOf,
  pairOf,
  proposalIssues,
  reasonsOf,
  splitMerges,
  survivorOfError,
} from './logic.ts';
import type { Merge, MergedRecords } from './schema.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';

function mergeRow(status: Merge['status'], id: string): Merge {
  return {
    id,
    survivorId: A,
    mergedId: B,
    status,
    evidence: { score: 0.9, level: 'high', reasons: [] },
    reason: 'same person',
    proposedBy: 'u1',
    proposedAt: '2025-02-20T09:00:00.000Z',
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
    selfConfirmed: false,
    unmergedBy: null,
    unmergedAt: null,
    unmergeReason: null,
    integrity: { status: 'ok', tamperedFields: [] },
  };
}

describe('merge logic', () => {
  it('names each reason by its translation key, with name likeness in percent', () => {
    const reasons = reasonsOf({
      score: 1,
      level: 'high',
      reasons: [
        { signal: 'name', similarity: 0.834 },
        { signal: 'birthdate', match: 'year_within_one' },
        { signal: 'birthdate', match: 'differs' },
        { signal: 'identity_number' },
        { signal: 'phone' },
      ],
    });
    expect(reasons).toEqual([
      { key: 'name', percent: 83 },
      { key: 'birthdate_year_within_one', percent: 0 },
      { key: 'birthdate_differs', percent: 0 },
      { key: 'identity_number', percent: 0 },
      { key: 'phone', percent: 0 },
    ]);
  });

  it('tells two records of one name apart by their pseudonyms', () => {
    expect(labelOf({ name: 'Thi Dao Nguyen', pseudonym: 'P-ABCDE-FGHIJ' })).toBe(
      'Thi Dao Nguyen (P-ABCDE-FGHIJ)',
    );
    expect(labelOf({ name: null, pseudonym: 'P-ABCDE-FGHIJ' })).toBe('P-ABCDE-FGHIJ');
    expect(labelOf({ name: 'P-ABCDE-FGHIJ', pseudonym: 'P-ABCDE-FGHIJ' })).toBe('P-ABCDE-FGHIJ');
  });

  it('turns the chosen survivor into the proposal ids', () => {
    expect(pairOf('this', A, B)).toEqual({ survivorId: A, mergedId: B });
    expect(pairOf('other', A, B)).toEqual({ survivorId: B, mergedId: A });
  });

  it('asks for a reason, and for a note only when confirming alone', () => {
    const form = { survivor: 'this' as const, reason: '', selfConfirm: false, note: '' };
    expect(proposalIssues(form)).toEqual(['reason']);
    expect(proposalIssues({ ...form, reason: 'Same phone and birth date' })).toEqual([]);
    expect(proposalIssues({ ...form, reason: 'x', selfConfirm: true, note: '   ' })).toEqual(['note']);
    expect(proposalIssues({ ...form, reason: 'x', selfConfirm: true, note: 'Only caseworker' })).toEqual([]);
  });

  it('lets the proposer confirm only alone (four eyes for everyone else)', () => {
    expect(confirmMode({ proposedBy: 'u1' }, 'u1')).toBe('alone');
    expect(confirmMode({ proposedBy: 'u1' }, 'u2')).toBe('second');
  });

  it('splits pending proposals from the history, keeping the order', () => {
    const list = [mergeRow('merged', 'm1'), mergeRow('proposed', 'm2'), mergeRow('rejected', 'm3')];
    const { pending, history } = splitMerges(list);
    expect(pending.map((m) => m.id)).toEqual(['m2']);
    expect(history.map((m) => m.id)).toEqual(['m1', 'm3']);
  });

  it('tells a merged-away person from a survivor, and counts what stays on each record', () => {
    const person = (id: string) => ({
      person: {
        id,
        pseudonym: `P-${id.slice(0, 4)}`,
        view: 'identity' as const,
        name: null,
        externalId: null,
        registeredOn: '2025-02-14',
        gender: null,
        ageAtRegistration: null,
        citizenship: [],
        traffickingStatus: null,
        typeOfExploitation: [],
        isVictim: true,
        isPerpetrator: false,
        createdAt: '2025-02-14T00:00:00.000Z',
      },
      mergedInto: id === A ? null : A,
      mergeId: id === A ? null : 'm1',
      mergedAt: id === A ? null : '2025-02-20T09:00:00.000Z',
    });
    const records = (personId: string): MergedRecords => ({
      personId,
      survivorId: A,
      persons: [person(A), person(B), person(C)],
      cases: [
        {
          caseId: 'c1',
          personId: B,
          role: 'victim',
          status: 'open',
          openedOn: '2025-02-14',
          linkedAt: '2025-02-14T00:00:00.000Z',
        },
      ],
      consents: [
        { id: 'k1', personId: B },
        { id: 'k2', personId: A },
      ],
      assessments: [{ id: 'a1', personId: C }],
    });
    const survivor = groupOf(records(A));
    expect(survivor.mergedAway).toBe(false);
    expect(survivor.absorbed.map((p) => p.person.id)).toEqual([B, C]);
    expect(survivor.count(B)).toEqual({ cases: 1, consents: 1, assessments: 0 });
    expect(survivor.count(C)).toEqual({ cases: 0, consents: 0, assessments: 1 });
    const tombstone = groupOf(records(B));
    expect(tombstone.mergedAway).toBe(true);
    expect(tombstone.survivorId).toBe(A);
  });

  it('reads the survivor from a 409 merged, and nothing from other errors', () => {
    const merged = new ApiError(409, 'merged', `This person was merged into ${A}; look there.`);
    expect(survivorOfError(merged)).toBe(A);
    const withField = new ApiError(409, 'merged', 'merged', [
      { path: 'personId', message: `merged into ${B}` },
    ]);
    expect(survivorOfError(withField)).toBe(B);
    expect(survivorOfError(new ApiError(409, 'conflict', `merge ${A}`))).toBeNull();
    expect(survivorOfError(new ApiError(404, 'not_found', 'gone'))).toBeNull();
    expect(survivorOfError(new Error(A))).toBeNull();
    expect(survivorOfError(null)).toBeNull();
  });
});
