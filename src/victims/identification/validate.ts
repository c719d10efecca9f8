import { type FieldIssue, invalid } from '../../platform/http/errors.ts';
import type { AssessmentInput } from './schema.ts';
import type { Answer, Catalog } from './types.ts';

// Checks an assessment against the node's indicator sets: every set and indicator must exist,
// be enabled, fit the person's age and be answered once. All problems are reported together.

export type CheckedSets = { setId: string; answers: Map<string, Answer> }[];

export function checkAssessment(catalog: Catalog, input: AssessmentInput): CheckedSets {
  const issues: FieldIssue[] = [];
  const checked: CheckedSets = [];
  for (const [i, entry] of input.sets.entries()) {
    const set = catalog.sets.get(entry.setId);
    const refuseSet = (code: string, message: string) =>
      issues.push({
        path: `sets.${i}.setId`,
        code,
        message: `"${entry.setId}" ${message}`,
        params: { set: entry.setId },
      });
    if (!set) {
      refuseSet('unknown_set', 'is not an indicator set of this node');
      continue;
    }
    if (!set.enabled) {
      refuseSet('set_disabled', 'is disabled on this node');
      continue;
    }
    if (set.population === 'adult' && input.subjectAge !== 'adult') {
      refuseSet('set_for_adults', `is for adults; the person is ${input.subjectAge.replace('_', ' ')}`);
      continue;
    }
    if (set.population === 'child' && input.subjectAge === 'adult') {
      refuseSet('set_for_children', 'is for children; the person is an adult');
      continue;
    }
    const known = new Set(set.indicators.map((x) => x.id));
    const answers = new Map<string, Answer>();
    for (const [j, a] of entry.answers.entries()) {
      const path = `sets.${i}.answers.${j}.indicatorId`;
      if (!known.has(a.indicatorId)) {
        issues.push({
          path,
          code: 'unknown_indicator',
          message: `is not an indicator of ${set.id}`,
          params: { set: set.id },
        });
      } else if (answers.has(a.indicatorId)) {
        issues.push({ path, code: 'answered_twice', message: 'is answered twice' });
      } else answers.set(a.indicatorId, a.answer);
    }
    checked.push({ setId: set.id, answers });
  }
  if (issues.length > 0) {
    throw invalid(`Invalid assessment: ${issues.map((f) => `${f.path}: ${f.message}`).join('; ')}`, issues);
  }
  return checked;
}
