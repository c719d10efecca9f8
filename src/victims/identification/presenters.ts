import { htcdsTraffickingStatus } from './htcds.ts';
import { noteKey } from './narrative.ts';
import type { AssessmentSummaryRow } from './repo.ts';
import type { OpenedAssessment } from './service.ts';
import type { Catalog, Cite, IndicatorSet, Rule } from './types.ts';

// Explicit presenters: each lists the fields it returns, so a new column never leaks by accident.

const cites = (list: readonly Cite[]) =>
  list.map((c) => ({ source: c.source, section: c.section, page: c.page, quote: c.quote, note: c.note }));

const presentRule = (r: Rule) => ({
  id: r.id,
  anyOf: r.anyOf,
  text: r.text,
  origin: r.origin,
  cites: cites(r.cites),
});

export function presentSet(set: IndicatorSet) {
  return {
    id: set.id,
    version: set.version,
    labels: set.labels,
    population: set.population,
    exploitation: set.exploitation,
    origin: set.origin,
    verification: set.verification,
    cites: cites(set.cites),
    dimensions: set.dimensions.map((d) => ({ id: d.id, labels: d.labels, rule: presentRule(d.rule) })),
    indicators: set.indicators.map((x) => ({
      id: x.id,
      dimension: x.dimension,
      strength: x.strength ?? null,
      nonPunishment: x.nonPunishment,
      labels: x.labels,
      explanation: x.explanation,
      cites: cites(x.cites),
    })),
    outcomes: set.outcomes.map((o) => ({
      id: o.id,
      labels: o.labels,
      population: o.population ?? null,
      text: o.text,
      origin: o.origin,
      cites: cites(o.cites),
    })),
  };
}

/** The enabled sets, for the assessment form, with the non-punishment reference it shows. */
export function presentCatalog(catalog: Catalog) {
  const np = catalog.nonPunishment;
  return {
    sets: [...catalog.sets.values()].filter((s) => s.enabled).map(presentSet),
    nonPunishment: {
      instrument: np.instrument,
      article: np.article,
      names: np.names,
      labels: np.labels,
      explanation: np.explanation,
      cites: cites(np.cites),
    },
    national: catalog.national
      ? { id: catalog.national.id, version: catalog.national.version, country: catalog.national.country }
      : null,
  };
}

export function presentAssessmentSummary(a: AssessmentSummaryRow) {
  return {
    id: a.id,
    personId: a.person_id,
    subjectAge: a.subject_age,
    decision: a.decision,
    htcdsTraffickingStatus: htcdsTraffickingStatus(a.decision),
    decidingAgencyId: a.deciding_agency_id,
    nonPunishment: a.non_punishment,
    outcomesMet: a.result.outcomesMet,
    setVersions: a.set_versions,
    nationalSet: a.national_set,
    assessedAt: a.assessed_at.toISOString(),
    recordedBy: a.recorded_by,
    createdAt: a.created_at.toISOString(),
  };
}

export function presentAssessment(a: OpenedAssessment) {
  return {
    ...presentAssessmentSummary(a),
    agencyId: a.agency_id,
    answers: a.answers.map((s) => ({
      setId: s.setId,
      answers: s.answers.map((x) => ({
        indicatorId: x.indicatorId,
        answer: x.answer,
        note: a.notes[noteKey(s.setId, x.indicatorId)] ?? null,
      })),
    })),
    result: a.result,
    narrative: a.narrative,
    rationale: a.rationale,
  };
}
