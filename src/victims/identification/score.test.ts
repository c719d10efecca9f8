import { describe, expect, it } from 'vitest';
import { loadIdentificationCatalog } from './load.ts';
import { type Counts, firstMatch, meets, scoreAssessment, scoreSet } from './score.ts';
import type { Answer, IndicatorSet, SubjectAge } from './types.ts';

// The decision rules against worked examples, on the bundled data files.

const catalog = loadIdentificationCatalog();
const set = (id: string): IndicatorSet => {
  const found = catalog.sets.get(id);
  if (!found) throw new Error(`no set ${id}`);
  return found;
};
const yes = (...ids: string[]) => new Map<string, Answer>(ids.map((id) => [id, 'yes']));
const score = (id: string, answers: Map<string, Answer>, age: SubjectAge = 'adult') =>
  scoreSet(set(id), answers, age);
const dim = (r: ReturnType<typeof scoreSet>, id: string) => {
  const found = r.dimensions.find((d) => d.id === id);
  if (!found) throw new Error(`no dimension ${id}`);
  return found;
};
const outcome = (r: ReturnType<typeof scoreSet>, id: string) => r.outcomes.find((o) => o.id === id);

describe('the ILO–EC element rule (two strong; one strong and one medium or weak; three medium; two medium and one weak)', () => {
  const rule = set('delphi-adults-labour').dimensions[0]?.rule;
  if (!rule) throw new Error('no rule');
  const c = (strong: number, medium: number, weak: number): Counts => ({
    strong,
    medium,
    weak,
    any: strong + medium + weak,
  });
  const cases: [Counts, boolean][] = [
    [c(0, 0, 0), false],
    [c(1, 0, 0), false],
    [c(2, 0, 0), true],
    [c(1, 1, 0), true],
    [c(1, 0, 1), true],
    [c(0, 2, 0), false],
    [c(0, 3, 0), true],
    [c(0, 2, 1), true],
    [c(0, 1, 1), false],
    [c(0, 1, 2), false],
    [c(0, 0, 5), false],
    [c(0, 1, 9), false],
  ];
  it.each(cases)('%o → %s', (counts, positive) => {
    expect(firstMatch(rule, counts) !== null).toBe(positive);
  });

  it('counts mediumOrWeak only beyond what medium and weak already claimed', () => {
    expect(meets({ medium: 1, mediumOrWeak: 1 }, c(0, 1, 0))).toBe(false);
    expect(meets({ medium: 1, mediumOrWeak: 1 }, c(0, 2, 0))).toBe(true);
    expect(meets({ medium: 1, mediumOrWeak: 1 }, c(0, 1, 1))).toBe(true);
    expect(meets({ any: 2 }, c(1, 0, 0))).toBe(false);
    expect(meets({ any: 2 }, c(1, 0, 1))).toBe(true);
  });
});

describe('ILO–EC operational indicators, adults, labour exploitation', () => {
  // A worker promised an office job abroad, made to work 16-hour days unpaid, passport taken, locked in.
  const trafficked = yes(
    'dr_deceived_nature_of_job',
    'dr_deceived_wages',
    'ex_excessive_hours',
    'ex_low_or_no_salary',
    'cd_confiscation_of_documents',
    'cd_isolation_confinement',
  );

  it('finds a possible victim, and says which indicators and which combination drove each element', () => {
    const r = score('delphi-adults-labour', trafficked);
    const deceptive = dim(r, 'deceptive_recruitment');
    expect(deceptive.positive).toBe(true);
    expect(deceptive.matched).toEqual({ strong: 1, mediumOrWeak: 1 });
    expect(deceptive.present).toEqual([
      { id: 'dr_deceived_nature_of_job', strength: 'strong' },
      { id: 'dr_deceived_wages', strength: 'medium' },
    ]);
    expect(dim(r, 'exploitative_conditions').positive).toBe(true);
    expect(dim(r, 'coercion_at_destination').matched).toEqual({ strong: 2 });
    expect(dim(r, 'coercive_recruitment').positive).toBe(false);
    expect(outcome(r, 'possible_victim')).toMatchObject({ met: true, applicable: true, origin: 'jaring' });
    expect(r.tally).toEqual({ yes: 6, no: 0, unknown: 61 });
  });

  it('is not met when exploitation rests on a single strong indicator (the boundary)', () => {
    const answers = new Map(trafficked);
    answers.delete('ex_low_or_no_salary');
    const r = score('delphi-adults-labour', answers);
    expect(dim(r, 'exploitative_conditions')).toMatchObject({ positive: false, matched: null });
    expect(outcome(r, 'possible_victim')?.met).toBe(false);
  });

  it('accepts abuse of vulnerability at destination instead of coercion', () => {
    const r = score(
      'delphi-adults-labour',
      yes(
        'ar_economic_reasons',
        'ar_abuse_illegal_status',
        'ar_abuse_lack_of_information',
        'ex_excessive_hours',
        'ex_wage_manipulation',
        'ad_dependency_on_exploiters',
        'ad_unknown_area',
        'ad_family_situation',
      ),
    );
    expect(dim(r, 'recruitment_abuse_of_vulnerability').matched).toEqual({ medium: 3 });
    expect(dim(r, 'abuse_of_vulnerability_at_destination').matched).toEqual({ medium: 3 });
    expect(dim(r, 'coercion_at_destination').positive).toBe(false);
    expect(outcome(r, 'possible_victim')?.met).toBe(true);
  });

  it('needs a recruitment element: exploitation and coercion alone are not enough', () => {
    const r = score(
      'delphi-adults-labour',
      yes('ex_excessive_hours', 'ex_hazardous_work', 'cd_debt_bondage', 'cd_violence_on_victim'),
    );
    expect(dim(r, 'exploitative_conditions').positive).toBe(true);
    expect(dim(r, 'coercion_at_destination').positive).toBe(true);
    expect(outcome(r, 'possible_victim')?.met).toBe(false);
  });

  it('counts only yes: no and unknown leave an element negative', () => {
    const answers = new Map<string, Answer>([
      ['dr_deceived_nature_of_job', 'yes'],
      ['dr_deceived_wages', 'no'],
      ['dr_deceived_travel', 'unknown'],
    ]);
    const r = score('delphi-adults-labour', answers);
    expect(dim(r, 'deceptive_recruitment').positive).toBe(false);
    expect(r.tally).toEqual({ yes: 1, no: 1, unknown: 65 });
  });
});

describe('ILO–EC operational indicators, children, labour exploitation', () => {
  it('weighs education deception as strong for a child, and needs no coercion at destination', () => {
    const r = score(
      'delphi-children-labour',
      yes(
        'dr_deceived_education',
        'dr_deceived_nature_of_job',
        'ex_excessive_hours',
        'ex_no_access_to_education',
      ),
      'child',
    );
    expect(dim(r, 'deceptive_recruitment').matched).toEqual({ strong: 2 });
    expect(dim(r, 'exploitative_conditions').matched).toEqual({ strong: 1, mediumOrWeak: 1 });
    expect(outcome(r, 'possible_child_victim')).toMatchObject({ met: true, origin: 'jaring' });
  });

  it('scores the same answers differently for an adult (education deception is weak there)', () => {
    const r = score('delphi-adults-labour', yes('dr_deceived_education', 'dr_deceived_wages'));
    expect(dim(r, 'deceptive_recruitment').positive).toBe(false);
  });
});

describe('ILO indicators of forced labour', () => {
  it('reads one indicator as possible forced labour and two as several (Jaring’s threshold)', () => {
    const one = score('ilo-forced-labour-11', yes('fl_retention_of_documents'));
    expect(outcome(one, 'possible_forced_labour')).toMatchObject({ met: true, origin: 'source' });
    expect(outcome(one, 'several_forced_labour_indicators')).toMatchObject({ met: false, origin: 'jaring' });
    const two = score('ilo-forced-labour-11', yes('fl_retention_of_documents', 'fl_debt_bondage'));
    expect(outcome(two, 'several_forced_labour_indicators')?.met).toBe(true);
    expect(outcome(score('ilo-forced-labour-11', new Map()), 'possible_forced_labour')?.met).toBe(false);
  });
});

describe('forced criminality in online scam operations, and the non-punishment flag', () => {
  const scamCompound = yes(
    'fc_recruited_job_offer',
    'fc_irregular_entry',
    'fc_documents_taken',
    'fc_confined',
    'fc_forced_online_fraud',
    'fc_quotas_punishment',
  );

  it('presumes an adult a victim when Act, Means and Purpose are all present', () => {
    const r = score('forced-criminality-online-scams', scamCompound);
    expect(outcome(r, 'presumed_victim_forced_criminality')?.met).toBe(true);
    expect(outcome(r, 'presumed_child_victim_forced_criminality')).toMatchObject({
      applicable: false,
      met: false,
    });
    expect(r.nonPunishment).toEqual(['fc_irregular_entry', 'fc_forced_online_fraud', 'fc_quotas_punishment']);
  });

  it('needs the Means for an adult but not for a child (Palermo Protocol Art. 3(c))', () => {
    const noMeans = yes('fc_recruited_job_offer', 'fc_forced_online_fraud');
    expect(
      outcome(score('forced-criminality-online-scams', noMeans), 'presumed_victim_forced_criminality')?.met,
    ).toBe(false);
    const child = score('forced-criminality-online-scams', noMeans, 'presumed_child');
    expect(outcome(child, 'presumed_child_victim_forced_criminality')?.met).toBe(true);
    expect(outcome(child, 'presumed_victim_forced_criminality')?.applicable).toBe(false);
  });

  it('raises the non-punishment flag with the ACTIP reference when a compelled unlawful act is present', () => {
    const r = scoreAssessment(catalog, {
      subjectAge: 'adult',
      sets: [
        { setId: 'forced-criminality-online-scams', answers: scamCompound },
        { setId: 'ilo-forced-labour-11', answers: yes('fl_isolation') },
      ],
    });
    expect(r.nonPunishment.raised).toBe(true);
    expect(r.nonPunishment.indicators).toContainEqual({
      setId: 'forced-criminality-online-scams',
      indicatorId: 'fc_forced_online_fraud',
    });
    expect(r.nonPunishment.reference.article).toBe('Article 14(7)');
    expect(r.nonPunishment.reference.quote).toContain(
      'consider not holding victims of trafficking in persons',
    );
    expect(r.outcomesMet).toEqual([
      { setId: 'forced-criminality-online-scams', outcomeId: 'presumed_victim_forced_criminality' },
      { setId: 'ilo-forced-labour-11', outcomeId: 'possible_forced_labour' },
    ]);
  });

  it('does not raise it for control and violence alone, nor for a no', () => {
    const means = scoreAssessment(catalog, {
      subjectAge: 'adult',
      sets: [{ setId: 'forced-criminality-online-scams', answers: yes('fc_documents_taken', 'fc_violence') }],
    });
    expect(means.nonPunishment).toMatchObject({ raised: false, indicators: [] });
    const denied = scoreAssessment(catalog, {
      subjectAge: 'adult',
      sets: [
        {
          setId: 'forced-criminality-online-scams',
          answers: new Map<string, Answer>([['fc_forced_online_fraud', 'no']]),
        },
      ],
    });
    expect(denied.nonPunishment.raised).toBe(false);
  });

  it('raises it from the ILO–EC indicator "forced into illicit/criminal activities" too', () => {
    const r = scoreAssessment(catalog, {
      subjectAge: 'adult',
      sets: [{ setId: 'delphi-adults-labour', answers: yes('cd_forced_illicit_activities') }],
    });
    expect(r.nonPunishment.indicators).toEqual([
      { setId: 'delphi-adults-labour', indicatorId: 'cd_forced_illicit_activities' },
    ]);
  });
});
