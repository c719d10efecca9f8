import { useQuery } from '@tanstack/react-query';
import { getJson, sendJson } from '../../api.ts';
import {
  type Assessment,
  type AssessmentInput,
  type AssessmentSummary,
  assessmentAnswer,
  assessmentList,
  setsAnswer,
} from './schema.ts';

// Calls to the identification routes and their query keys.

export const identificationKeys = {
  sets: ['victims', 'identification', 'sets'] as const,
  list: (personId: string) => ['victims', 'identification', 'person', personId] as const,
  one: (id: string) => ['victims', 'identification', 'one', id] as const,
};

const enc = encodeURIComponent;

export const fetchSets = () => getJson('/api/victims/identification/sets', setsAnswer);

export const listAssessments = async (personId: string): Promise<AssessmentSummary[]> =>
  (await getJson(`/api/victims/persons/${enc(personId)}/identification-assessments`, assessmentList))
    .assessments;

export const fetchAssessment = async (id: string): Promise<Assessment> =>
  (await getJson(`/api/victims/identification-assessments/${enc(id)}`, assessmentAnswer)).assessment;

export const recordAssessment = async (personId: string, input: AssessmentInput): Promise<Assessment> =>
  (
    await sendJson(
      'POST',
      `/api/victims/persons/${enc(personId)}/identification-assessments`,
      input,
      assessmentAnswer,
    )
  ).assessment;

/** The node's indicator sets: they change only with the node's configuration. */
export const useIndicatorSets = (enabled = true) =>
  useQuery({ queryKey: identificationKeys.sets, queryFn: fetchSets, staleTime: 10 * 60_000, enabled });

export const useAssessments = (personId: string, enabled = true) =>
  useQuery({
    queryKey: identificationKeys.list(personId),
    queryFn: () => listAssessments(personId),
    enabled,
  });
