import type { ColumnType, JSONColumnType } from 'kysely';
import type { AssessmentResult } from './score.ts';
import type { Decision, SubjectAge } from './types.ts';

// Row type of migrations/0007_victims_identification.sql.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type StoredAnswers = {
  setId: string;
  answers: { indicatorId: string; answer: 'yes' | 'no' | 'unknown' }[];
}[];
export type SetVersion = { id: string; version: string };

export type IdentificationAssessmentsTable = {
  id: string;
  person_id: string;
  agency_id: string;
  subject_age: SubjectAge;
  answers: JSONColumnType<StoredAnswers>;
  result: JSONColumnType<AssessmentResult>;
  set_versions: JSONColumnType<SetVersion[]>;
  national_set: string | null;
  non_punishment: boolean;
  decision: Decision;
  deciding_agency_id: string;
  narrative_enc: string;
  assessed_at: Timestamp;
  recorded_by: string;
  created_at: Timestamp;
};

export type IdentificationTables = { identification_assessments: IdentificationAssessmentsTable };
