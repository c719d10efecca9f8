import type { ColumnType, Generated, JSONColumnType } from 'kysely';

// Row types of migrations/0008_victims_case_management.sql. Dates are read as 'YYYY-MM-DD' text.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type NullableDateText = ColumnType<string | null, string | null | undefined, string | null>;

export type TaskStatus = 'open' | 'done' | 'cancelled';

export type CaseTeamMembersTable = {
  agency_id: string;
  case_id: string;
  user_id: string;
  added_by: string | null;
  added_at: Timestamp;
};

export type CaseTasksTable = {
  id: string;
  agency_id: string;
  case_id: string;
  title_enc: string;
  assignee_id: string | null;
  due_on: NullableDateText;
  status: ColumnType<TaskStatus, TaskStatus | undefined, TaskStatus>;
  closed_at: NullableTimestamp;
  closed_by: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** Non-sensitive values only: statuses, dates, kinds, ids. */
export type ActivityDetail = Record<string, string | number | boolean | null | string[]>;

export type CaseActivityTable = {
  id: Generated<string>;
  agency_id: string;
  case_id: string;
  at: ColumnType<Date, undefined, never>;
  actor_id: string | null;
  actor: string | null;
  action: string;
  record_type: string;
  record_id: string;
  person_id: string | null;
  detail: JSONColumnType<ActivityDetail, string, never>;
};

/** The column 0008 adds to support_plan_items (0005); merged into that table's type. */
export type SupportPlanItemsAdditions = {
  not_needed: ColumnType<boolean, boolean | undefined, boolean>;
};

export type CaseManagementTables = {
  case_team_members: CaseTeamMembersTable;
  case_tasks: CaseTasksTable;
  case_activity: CaseActivityTable;
  support_plan_items: SupportPlanItemsAdditions;
};
