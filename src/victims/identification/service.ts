import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../platform/audit/append.ts';
import type { Role } from '../../platform/auth/roles.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Db } from '../../platform/db/database.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import { refuseMergedAway } from '../duplicates/guard.ts';
import { upsertVictimContext } from '../repo.ts';
import { DECISION_MAKING_ORG, htcdsTraffickingStatus } from './htcds.ts';
import { noteKey, openNarrative, sealNarrative } from './narrative.ts';
import { mayReadNarrative } from './policy.ts';
import {
  type AssessmentRow,
  type AssessmentSummaryRow,
  agencyOrgType,
  findAssessment,
  insertAssessment,
  laterStatusDecisionExists,
  listPersonAssessments,
  lockPersonOfAgency,
  personOfAgency,
} from './repo.ts';
import type { AssessmentInput } from './schema.ts';
import { scoreAssessment } from './score.ts';
import type { StoredAnswers } from './tables.ts';
import type { Catalog } from './types.ts';
import { checkAssessment } from './validate.ts';

// Commands and queries of identification assessments. Each runs in one transaction with its audit
// entry, reads included. Persons are scoped to the caller's agency: another agency's is "not found".

export type IdentificationActor = {
  userId: string;
  username: string;
  agencyId: string;
  roles: readonly Role[];
};

const actorOf = (a: IdentificationActor) => ({ id: a.userId, label: a.username });

/** An assessment as its reader may see it: the narrative only when policy allows and it opens. */
export type OpenedAssessment = AssessmentRow & {
  narrative: 'shown' | 'withheld' | 'tampered';
  rationale: string | null;
  notes: Record<string, string>;
};

function open(cipher: FieldCipher, actor: IdentificationActor, row: AssessmentRow): OpenedAssessment {
  if (!mayReadNarrative(actor.roles, actor.userId, row.recorded_by)) {
    return { ...row, narrative: 'withheld', rationale: null, notes: {} };
  }
  const opened = openNarrative(cipher, row.id, row.narrative_enc);
  if (opened === 'tampered') return { ...row, narrative: 'tampered', rationale: null, notes: {} };
  return { ...row, narrative: 'shown', rationale: opened.rationale, notes: opened.notes };
}

export async function recordAssessment(
  db: Db,
  cipher: FieldCipher,
  catalog: Catalog,
  actor: IdentificationActor,
  personId: string,
  input: AssessmentInput,
): Promise<OpenedAssessment> {
  const checked = checkAssessment(catalog, input);
  const result = scoreAssessment(catalog, { subjectAge: input.subjectAge, sets: checked });
  const answers: StoredAnswers = input.sets.map((s) => ({
    setId: s.setId,
    answers: s.answers.map((a) => ({ indicatorId: a.indicatorId, answer: a.answer })),
  }));
  const notes: Record<string, string> = {};
  for (const s of input.sets) {
    for (const a of s.answers) if (a.note !== undefined) notes[noteKey(s.setId, a.indicatorId)] = a.note;
  }
  const setVersions = result.sets.map((s) => ({ id: s.setId, version: s.version }));
  const nationalSet = catalog.national ? `${catalog.national.id}@${catalog.national.version}` : null;
  const decidingAgencyId = input.decidingAgencyId ?? actor.agencyId;
  const assessedAt = input.assessedAt ? new Date(input.assessedAt) : new Date();

  return db.transaction().execute(async (tx) => {
    if (!(await lockPersonOfAgency(tx, actor.agencyId, personId))) throw notFound('The person');
    await refuseMergedAway(tx, personId, 'id');
    const decidingOrgType = await agencyOrgType(tx, decidingAgencyId);
    if (!decidingOrgType) {
      throw invalid('Invalid assessment: decidingAgencyId: no such agency', [
        { path: 'decidingAgencyId', code: 'unknown_agency', message: 'no such agency' },
      ]);
    }
    const id = randomUUID();
    const row = await insertAssessment(tx, {
      id,
      person_id: personId,
      agency_id: actor.agencyId,
      subject_age: input.subjectAge,
      answers: JSON.stringify(answers),
      result: JSON.stringify(result),
      set_versions: JSON.stringify(setVersions),
      national_set: nationalSet,
      non_punishment: result.nonPunishment.raised,
      decision: input.decision,
      deciding_agency_id: decidingAgencyId,
      narrative_enc: sealNarrative(cipher, id, { rationale: input.rationale, notes }),
      assessed_at: assessedAt,
      recorded_by: actor.userId,
    });
    // The digest covers everything recorded, the narrative included (long free text, not guessable).
    await appendAudit(tx, {
      actor: actorOf(actor),
      action: 'identification.assess',
      recordType: 'identification_assessment',
      recordId: id,
      change: {
        personId,
        subjectAge: input.subjectAge,
        answers,
        setVersions,
        nationalSet,
        outcomesMet: result.outcomesMet,
        nonPunishment: result.nonPunishment.raised,
        decision: input.decision,
        decidingAgencyId,
        rationale: input.rationale,
        notes,
        assessedAt: assessedAt.toISOString(),
      },
    });
    // The latest decision is the person's HTCDS trafficking status ("needs more information" has none).
    const status = htcdsTraffickingStatus(input.decision);
    if (status && !(await laterStatusDecisionExists(tx, personId, assessedAt))) {
      const victim = {
        trafficking_status: status,
        trafficking_status_decision_making_org: DECISION_MAKING_ORG[decidingOrgType],
      };
      // Only these two columns: a person with no victim context gets one.
      await upsertVictimContext(tx, personId, victim);
      await appendAudit(tx, {
        actor: actorOf(actor),
        action: 'person.update',
        recordType: 'person',
        recordId: personId,
        change: { assessmentId: id, victim },
      });
    }
    return open(cipher, actor, row);
  });
}

export async function readAssessment(
  db: Db,
  cipher: FieldCipher,
  actor: IdentificationActor,
  id: string,
): Promise<OpenedAssessment> {
  return db.transaction().execute(async (tx) => {
    const row = await findAssessment(tx, actor.agencyId, id);
    if (!row) throw notFound('The assessment');
    const opened = open(cipher, actor, row);
    await appendAudit(tx, {
      actor: actorOf(actor),
      action: 'identification.read',
      recordType: 'identification_assessment',
      recordId: id,
      change: { personId: row.person_id, narrative: opened.narrative },
    });
    return opened;
  });
}

export async function listAssessments(
  db: Db,
  actor: IdentificationActor,
  personId: string,
): Promise<AssessmentSummaryRow[]> {
  return db.transaction().execute(async (tx) => {
    if (!(await personOfAgency(tx, actor.agencyId, personId))) throw notFound('The person');
    const rows = await listPersonAssessments(tx, actor.agencyId, personId);
    await appendAudit(tx, {
      actor: actorOf(actor),
      action: 'identification.list',
      recordType: 'person',
      recordId: personId,
      change: { assessments: rows.map((r) => r.id) },
    });
    return rows;
  });
}
