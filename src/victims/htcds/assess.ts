import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { AuditEvent } from '../../platform/audit/append.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import { HTCDS_TRAFFICKING_STATUS } from '../identification/htcds.ts';
import { noteKey, sealNarrative } from '../identification/narrative.ts';
import { scoreAssessment } from '../identification/score.ts';
import type { IdentificationAssessmentsTable } from '../identification/tables.ts';
import {
  type Answer,
  type Catalog,
  DECISIONS,
  type Decision,
  type SubjectAge,
} from '../identification/types.ts';
import { FIELD_HOMES } from './fields.ts';
import { type Condition, indicatorMap } from './indicator-map.ts';
import { hasValues, num, text, valueAt } from './plain.ts';
import type { PersonPlain } from './stored.ts';

// The identification assessment an import records for each victim it creates or changes, scored by
// the identification module's own scoring from the HTCDS fields data/htcds/indicator-map.json maps to
// indicators. A mapped value present answers yes; nothing answers no (absence in a file proves
// nothing). The decision is the file's vic_TraffickingStatus. The rationale says it came from a file.

export type Derived = {
  subjectAge: SubjectAge;
  decision: Decision;
  trafficking: string | null;
  sets: { setId: string; answers: Map<string, Answer> }[];
  notes: Record<string, string>;
};

function fieldValue(person: PersonPlain, field: string) {
  const home = FIELD_HOMES[field];
  if (!home) return null;
  const [part, key] = home;
  if (
    part !== 'identity' &&
    part !== 'profile' &&
    part !== 'person' &&
    part !== 'victim' &&
    part !== 'perpetrator'
  ) {
    return null;
  }
  return valueAt(person[part], key);
}

function holds(person: PersonPlain, c: Condition): string[] | null {
  const value = fieldValue(person, c.field);
  if ('filled' in c) return hasValues({ value }) ? [] : null;
  const values = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const matched = values.filter((v) => c.anyOf.includes(v));
  return matched.length > 0 ? matched : null;
}

const decisionOf = (status: string | null): Decision =>
  DECISIONS.find((d) => HTCDS_TRAFFICKING_STATUS[d] === status) ?? 'needs_more_information';

/** The assessment a victim's HTCDS fields give on this node; null for a person with no victim context. */
export function deriveAssessment(catalog: Catalog, person: PersonPlain): Derived | null {
  if (!person.victim) return null;
  const age = num(person.profile, 'ageAtRegistration');
  // An unknown age is scored as an adult's: the adult rules ask for more, so a file never
  // presumes more than it shows; a caseworker who believes the person a child re-assesses.
  const subjectAge: SubjectAge = age !== null && age < 18 ? 'child' : 'adult';
  const sets: Derived['sets'] = [];
  const notes: Record<string, string> = {};
  for (const entry of indicatorMap().sets) {
    const set = catalog.sets.get(entry.setId);
    if (!set?.enabled) continue;
    if (
      (set.population === 'adult' && subjectAge !== 'adult') ||
      (set.population === 'child' && subjectAge === 'adult')
    )
      continue;
    if (entry.when.length > 0 && !entry.when.some((c) => holds(person, c) !== null)) continue;
    const known = new Set(set.indicators.map((x) => x.id));
    const answers = new Map<string, Answer>();
    for (const a of entry.answers) {
      const matched = known.has(a.indicator) ? holds(person, a.if) : null;
      if (matched === null) continue;
      answers.set(a.indicator, 'yes');
      const said = matched.length > 0 ? `${a.if.field} = ${matched.join(', ')}` : `${a.if.field} given`;
      const key = noteKey(set.id, a.indicator);
      notes[key] = notes[key] ? `${notes[key]}; ${said}` : `From the HTCDS file: ${said}. ${a.why}`;
    }
    sets.push({ setId: set.id, answers });
  }
  const trafficking = text(person.victim, 'traffickingStatus');
  return { subjectAge, decision: decisionOf(trafficking), trafficking, sets, notes };
}

/** What decides whether a changed person needs a new assessment: the same derivation gives the same text. */
export function derivedSignature(d: Pick<Derived, 'subjectAge' | 'decision' | 'sets'>): string {
  return JSON.stringify([
    d.subjectAge,
    d.decision,
    d.sets.map((s) => [
      s.setId,
      [...s.answers]
        .filter(([, a]) => a === 'yes')
        .map(([id]) => id)
        .sort(),
    ]),
  ]);
}

type Scored = { result: ReturnType<typeof scoreAssessment>; json: string };
/**
 * Scores by catalogue and answers. Scoring is a pure function of the two, and a file's victims
 * share a few answer patterns, so each pattern is scored and serialised once per import's catalogue
 * (the result is ~2.5 KB of JSON: stringifying it per row was most of an assessment's own cost).
 */
const scored = new WeakMap<Catalog, Map<string, Scored>>();
const SCORED_KEPT = 10_000;

function scoreOnce(catalog: Catalog, derived: Derived): Scored {
  let byAnswers = scored.get(catalog);
  if (!byAnswers) {
    byAnswers = new Map();
    scored.set(catalog, byAnswers);
  }
  const key = JSON.stringify([derived.subjectAge, derived.sets.map((s) => [s.setId, [...s.answers]])]);
  const known = byAnswers.get(key);
  if (known) return known;
  const result = scoreAssessment(catalog, { subjectAge: derived.subjectAge, sets: derived.sets });
  const fresh = { result, json: JSON.stringify(result) };
  if (byAnswers.size >= SCORED_KEPT) byAnswers.clear();
  byAnswers.set(key, fresh);
  return fresh;
}

export type AssessmentWrite = { row: Insertable<IdentificationAssessmentsTable>; audit: AuditEvent };

export function assessmentWrite(
  cipher: FieldCipher,
  catalog: Catalog,
  who: { userId: string; username: string; agencyId: string },
  personId: string,
  derived: Derived,
  source: { name: string; row: number },
): AssessmentWrite | null {
  if (derived.sets.length === 0) return null;
  const { result, json } = scoreOnce(catalog, derived);
  const map = indicatorMap();
  const id = randomUUID();
  // Objects with their keys in sorted order, here and in the audit entry's change: canonical JSON
  // writes them as they are, without a sorted copy.
  const answers = derived.sets.map((s) => ({
    answers: [...s.answers].map(([indicatorId, answer]) => ({ answer, indicatorId })),
    setId: s.setId,
  }));
  const setVersions = result.sets.map((s) => ({ id: s.setId, version: s.version }));
  const nationalSet = catalog.national ? `${catalog.national.id}@${catalog.national.version}` : null;
  const rationale =
    `Scored by an HTCDS import (${source.name}, row ${source.row}) from the file's fields, not from an ` +
    `interview (${map.name}, version ${map.version}). The decision is the file's vic_TraffickingStatus ` +
    `(${derived.trafficking ?? 'empty'}). Re-assess in person before relying on it.`;
  const assessedAt = new Date();
  const row: Insertable<IdentificationAssessmentsTable> = {
    id,
    person_id: personId,
    agency_id: who.agencyId,
    subject_age: derived.subjectAge,
    answers: JSON.stringify(answers),
    result: json,
    set_versions: JSON.stringify(setVersions),
    national_set: nationalSet,
    non_punishment: result.nonPunishment.raised,
    decision: derived.decision,
    deciding_agency_id: who.agencyId,
    narrative_enc: sealNarrative(cipher, id, { rationale, notes: derived.notes }),
    assessed_at: assessedAt,
    recorded_by: who.userId,
  };
  const audit: AuditEvent = {
    actor: { id: who.userId, label: who.username },
    action: 'identification.assess',
    recordType: 'identification_assessment',
    recordId: id,
    change: {
      answers,
      assessedAt: assessedAt.toISOString(),
      decidingAgencyId: who.agencyId,
      decision: derived.decision,
      nationalSet,
      nonPunishment: result.nonPunishment.raised,
      notes: derived.notes,
      outcomesMet: result.outcomesMet,
      personId,
      rationale,
      setVersions,
      subjectAge: derived.subjectAge,
      via: 'htcds.import',
    },
  };
  return { row, audit };
}
