import type { ColumnType, Generated } from 'kysely';

// Row types of migrations/0005_victims.sql. Dates (SQL `date`) are read as 'YYYY-MM-DD' text by
// the repository (`::text`), never as JS Dates, so no time zone shifts them.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateText = ColumnType<string, string | undefined, string>;
type NullableDateText = ColumnType<string | null, string | null | undefined, string | null>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export type VictimsSecretsTable = {
  name: 'search';
  secret_enc: string;
  created_at: Timestamp;
};

export type OrganisationsTable = {
  id: Generated<string>;
  agency_id: string;
  external_id: string | null;
  name: string;
  org_type: string | null;
  shipping_street: string | null;
  shipping_city: string | null;
  shipping_state: string | null;
  shipping_postal_code: string | null;
  shipping_country: string | null;
  shipping_latitude: number | null;
  shipping_longitude: number | null;
  phone: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type PersonsTable = {
  id: Generated<string>;
  agency_id: string;
  external_id: string | null;
  registered_on: DateText;
  salutation_enc: string | null;
  first_name_enc: string | null;
  middle_name_enc: string | null;
  second_name_enc: string | null;
  birthdate_enc: string | null;
  identity_number_enc: string | null;
  email_enc: string | null;
  home_phone_enc: string | null;
  mobile_phone_enc: string | null;
  mailing_street_enc: string | null;
  mailing_city_enc: string | null;
  mailing_state_enc: string | null;
  mailing_postal_code_enc: string | null;
  mailing_latitude_enc: string | null;
  mailing_longitude_enc: string | null;
  name_tokens: ColumnType<string, string | undefined, string>;
  birthdate_key: string | null;
  identity_number_key: string | null;
  phone_keys: TextArray;
  title: string | null;
  gender: string | null;
  deceased: boolean | null;
  marital_status: string | null;
  number_of_children: number | null;
  primary_language: string | null;
  secondary_language: string | null;
  highest_level_of_education: string | null;
  citizenship: TextArray;
  mailing_country: string | null;
  age_at_registration: number | null;
  age_is_estimate: Generated<boolean>;
  ethnicity: string | null;
  disabilities: TextArray;
  migration_status: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type VictimContextsTable = {
  person_id: string;
  agreement_to_manage_personal_data: boolean | null;
  trafficking_status: string | null;
  trafficking_status_decision_making_org: string | null;
  relationship_to_trafficker: string | null;
  age_when_trafficked: number | null;
  recruitment_websites_and_apps: TextArray;
  method_of_recruitment: TextArray;
  location_of_recruitment_id: string | null;
  methods_of_control: TextArray;
  type_of_exploitation: TextArray;
  forced_labour_industry: string | null;
  type_of_sex_exploitation: TextArray;
  location_of_exploitation_id: string | null;
  exploitation_websites_and_apps: TextArray;
  vulnerabilities: TextArray;
  details_of_vulnerabilities_enc: string | null;
  forced_criminality_types: TextArray;
  recruitment_platform: string | null;
  recruitment_handle: string | null;
  recruitment_ad_url: string | null;
  scam_compound_name: string | null;
  scam_compound_city: string | null;
  scam_compound_country: string | null;
  scam_compound_latitude: number | null;
  scam_compound_longitude: number | null;
  updated_at: Timestamp;
};

export type PerpetratorContextsTable = {
  person_id: string;
  role_in_process: TextArray;
  role_details_enc: string | null;
  organisation_id: string | null;
  updated_at: Timestamp;
};

export type CaseStatus = 'open' | 'active' | 'referred' | 'closed';

export type CasesTable = {
  id: Generated<string>;
  agency_id: string;
  external_id: string | null;
  status: ColumnType<CaseStatus, CaseStatus | undefined, CaseStatus>;
  htcds_status: ColumnType<string, string | undefined, string>;
  close_reason_enc: string | null;
  closed_at: NullableTimestamp;
  opened_on: DateText;
  owner_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type CasePersonRole = 'victim' | 'perpetrator' | 'witness' | 'family' | 'other';

export type CasePersonsTable = {
  case_id: string;
  person_id: string;
  agency_id: string;
  role: CasePersonRole;
  linked_by: string | null;
  linked_at: Timestamp;
};

export type TraffickingEventsTable = {
  id: Generated<string>;
  agency_id: string;
  person_id: string;
  case_id: string | null;
  external_id: string | null;
  type: string | null;
  event_date: NullableDateText;
  street: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  description_enc: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type SupportPlansTable = {
  id: Generated<string>;
  agency_id: string;
  case_id: string;
  person_id: string;
  external_id: string | null;
  type: string | null;
  objectives_enc: string | null;
  action_plan_enc: string | null;
  planned_end_date: NullableDateText;
  actual_end_date: NullableDateText;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type SupportItemKind =
  | 'shelter'
  | 'medical'
  | 'psychosocial'
  | 'legal_aid'
  | 'interpretation'
  | 'family_tracing'
  | 'repatriation'
  | 'rehabilitation'
  | 'reintegration';

export type RepatriationStep =
  | 'nationality_verification'
  | 'travel_document'
  | 'family_assessment'
  | 'travel_arrangements'
  | 'border_handover'
  | 'reception_in_origin';

export type SupportItemStatus = 'planned' | 'in_progress' | 'done' | 'cancelled';

export type SupportPlanItemsTable = {
  id: Generated<string>;
  agency_id: string;
  plan_id: string;
  kind: SupportItemKind;
  repatriation_step: RepatriationStep | null;
  status: ColumnType<SupportItemStatus, SupportItemStatus | undefined, SupportItemStatus>;
  provider_organisation_id: string | null;
  provider_name: string | null;
  start_date: NullableDateText;
  due_date: NullableDateText;
  end_date: NullableDateText;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type CaseCommentsTable = {
  id: Generated<string>;
  agency_id: string;
  case_id: string;
  author_id: string | null;
  body_enc: string;
  created_at: Timestamp;
};

export type VictimsTables = {
  victims_secrets: VictimsSecretsTable;
  organisations: OrganisationsTable;
  persons: PersonsTable;
  victim_contexts: VictimContextsTable;
  perpetrator_contexts: PerpetratorContextsTable;
  cases: CasesTable;
  case_persons: CasePersonsTable;
  trafficking_events: TraffickingEventsTable;
  support_plans: SupportPlansTable;
  support_plan_items: SupportPlanItemsTable;
  case_comments: CaseCommentsTable;
};
