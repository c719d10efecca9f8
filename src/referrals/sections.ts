import type { FieldCipher } from '../platform/crypto/fields.ts';
import type { Tx } from '../platform/db/database.ts';
import { conflict, notFound } from '../platform/http/errors.ts';
import { type ConsentActor, decideSharing } from '../victims/consent/service.ts';
import { CATEGORIES, type Category } from '../victims/consent/types.ts';
import { openIdentity } from '../victims/identity.ts';
import { presentIdentity } from '../victims/presenters.ts';
import { findPerson } from '../victims/repo.ts';
import type {
  AssessmentSection,
  CaseHistorySection,
  HealthSection,
  IdentitySection,
  SupportItemSection,
} from './message-schemas.ts';
import { latestAssessment, personCases, personSupportItems, type SourceItem } from './source-repo.ts';
import type { RefusedCategory } from './tables.ts';

// "Only what consent covers leaves the node" (issue 5 §5): one sharing decision per data category,
// for this recipient and the purpose `referral`, in the transaction that enqueues the offer. A
// refused category is left out of the offer entirely, and recorded with the reason for the UI.

export type OfferSections = {
  identity?: IdentitySection;
  assessment?: AssessmentSection;
  health?: HealthSection;
  caseHistory?: CaseHistorySection;
};
export type ConsentedData = {
  sections: OfferSections;
  shared: Category[];
  refused: RefusedCategory[];
  consentIds: string[];
};

const HEALTH_KINDS = new Set(['medical', 'psychosocial']);

const item = (i: SourceItem): SupportItemSection => ({
  kind: i.kind,
  status: i.status,
  repatriationStep: i.repatriation_step,
  startDate: i.start_date,
  endDate: i.end_date,
});

async function identityOf(
  tx: Tx,
  cipher: FieldCipher,
  agencyId: string,
  personId: string,
): Promise<IdentitySection> {
  const record = await findPerson(tx, agencyId, personId);
  if (!record) throw notFound('The person');
  const opened = openIdentity(cipher, record.person);
  if (opened.tampered.length > 0) {
    throw conflict(
      `The person's stored ${opened.tampered.join(', ')} failed its integrity check: re-enter it before referring.`,
    );
  }
  const id = presentIdentity(opened);
  const p = record.person;
  return {
    salutation: id.salutation,
    firstName: id.firstName,
    middleName: id.middleName,
    secondName: id.secondName,
    birthdate: id.birthdate,
    identityNumber: id.identityNumber,
    email: id.email,
    homePhone: id.homePhone,
    mobilePhone: id.mobilePhone,
    mailingStreet: id.mailingStreet,
    mailingCity: id.mailingCity,
    mailingState: id.mailingState,
    mailingPostalCode: id.mailingPostalCode,
    mailingCountry: p.mailing_country,
    gender: p.gender,
    citizenship: p.citizenship,
    primaryLanguage: p.primary_language,
    ageAtRegistration: p.age_at_registration,
  };
}

async function assessmentOf(
  tx: Tx,
  agencyId: string,
  personId: string,
): Promise<AssessmentSection | undefined> {
  const a = await latestAssessment(tx, agencyId, personId);
  if (!a) return undefined;
  const indicators = a.answers.flatMap((s) =>
    s.answers.filter((x) => x.answer === 'yes').map((x) => ({ setId: s.setId, indicatorId: x.indicatorId })),
  );
  return {
    assessmentId: a.id,
    decision: a.decision,
    nonPunishment: a.non_punishment,
    indicators,
    outcomesMet: a.result.outcomesMet,
    setVersions: a.set_versions,
    decidingOrganisation: a.deciding_agency,
    assessedBy: a.assessed_by,
    assessedAt: a.assessed_at.toISOString(),
  };
}

async function healthOf(tx: Tx, agencyId: string, personId: string): Promise<HealthSection> {
  const items = await personSupportItems(tx, agencyId, personId);
  return { supports: items.filter((i) => HEALTH_KINDS.has(i.kind)).map(item) };
}

async function caseHistoryOf(
  tx: Tx,
  agencyId: string,
  personId: string,
  details: string | null,
): Promise<CaseHistorySection> {
  const [cases, items, victim] = await Promise.all([
    personCases(tx, agencyId, personId),
    personSupportItems(tx, agencyId, personId),
    tx
      .selectFrom('victim_contexts')
      .select('type_of_exploitation')
      .where('person_id', '=', personId)
      .executeTakeFirst(),
  ]);
  return {
    cases: cases.map((c) => ({ status: c.status, openedOn: c.opened_on })),
    typeOfExploitation: victim?.type_of_exploitation ?? [],
    supports: items.filter((i) => !HEALTH_KINDS.has(i.kind)).map(item),
    details,
  };
}

/**
 * Decides each category for the recipient and builds the sections consent allows. `details` (the
 * HTCDS outgoing referral details) describe the case, so they travel only with `case_history`.
 */
export async function consentedData(
  tx: Tx,
  cipher: FieldCipher,
  actor: ConsentActor,
  q: { personId: string; country: string; agency: string; details: string | null },
): Promise<ConsentedData> {
  const out: ConsentedData = { sections: {}, shared: [], refused: [], consentIds: [] };
  for (const category of CATEGORIES) {
    const answer = await decideSharing(tx, cipher, actor, {
      personId: q.personId,
      category,
      purpose: 'referral',
      recipient: { country: q.country, agency: q.agency },
    });
    if (!answer.allowed) {
      out.refused.push({ category, reason: answer.reason, message: answer.message });
      continue;
    }
    if (category === 'assessment') {
      const assessment = await assessmentOf(tx, actor.agencyId, q.personId);
      if (!assessment) {
        out.refused.push({
          category,
          reason: 'nothing_to_share',
          message: 'The person has no identification assessment.',
        });
        continue;
      }
      out.sections.assessment = assessment;
    }
    if (category === 'identity')
      out.sections.identity = await identityOf(tx, cipher, actor.agencyId, q.personId);
    if (category === 'health') out.sections.health = await healthOf(tx, actor.agencyId, q.personId);
    if (category === 'case_history') {
      out.sections.caseHistory = await caseHistoryOf(tx, actor.agencyId, q.personId, q.details);
    }
    out.shared.push(category);
    if (!out.consentIds.includes(answer.consentId)) out.consentIds.push(answer.consentId);
  }
  return out;
}

/** The assessment alone, when consent allows it now (assessment.share after an offer). */
export async function consentedAssessment(
  tx: Tx,
  cipher: FieldCipher,
  actor: ConsentActor,
  q: { personId: string; country: string; agency: string },
): Promise<{ assessment: AssessmentSection; consentId: string } | { refused: RefusedCategory }> {
  const answer = await decideSharing(tx, cipher, actor, {
    personId: q.personId,
    category: 'assessment',
    purpose: 'referral',
    recipient: { country: q.country, agency: q.agency },
  });
  if (!answer.allowed)
    return { refused: { category: 'assessment', reason: answer.reason, message: answer.message } };
  const assessment = await assessmentOf(tx, actor.agencyId, q.personId);
  if (!assessment) {
    return {
      refused: {
        category: 'assessment',
        reason: 'nothing_to_share',
        message: 'The person has no identification assessment.',
      },
    };
  }
  return { assessment, consentId: answer.consentId };
}
