-- Case management (src/victims/cases): the case team, tasks, the case's readable history for the
-- timeline, and what repatriation steps need on support_plan_items (0005). Owned by src/victims.

-- Users who work on a case besides its owner. Investigators, analysts and referral focal points see
-- a case's management records only as its owner or a member; caseworkers see every case of their agency.
create table case_team_members (
  agency_id uuid not null,
  case_id uuid not null,
  user_id uuid not null references users (id),
  added_by uuid references users (id),
  added_at timestamptz not null default now(),
  primary key (case_id, user_id),
  foreign key (agency_id, case_id) references cases (agency_id, id) on delete cascade
);
create index case_team_members_user on case_team_members (user_id);

-- Tasks. The title may name people or places, so it is encrypted (AAD "case_tasks.title:<id>").
create table case_tasks (
  id uuid primary key,
  agency_id uuid not null,
  case_id uuid not null,
  title_enc text not null,
  assignee_id uuid references users (id),
  due_on date check (due_on >= date '1900-01-01'),
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  closed_at timestamptz,
  closed_by uuid references users (id),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'open') = (closed_at is null)),
  foreign key (agency_id, case_id) references cases (agency_id, id) on delete cascade
);
create index case_tasks_case on case_tasks (case_id, created_at desc);
create index case_tasks_open_assigned on case_tasks (assignee_id, due_on) where status = 'open';

-- The case's readable history: the audit log keeps only digests, so the timeline reads what changed
-- here (statuses, dates, kinds, ids — never free text). Written in the transaction of the change,
-- beside its audit entry. Rows are never changed.
create table case_activity (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null,
  case_id uuid not null,
  at timestamptz not null default clock_timestamp(),
  actor_id uuid references users (id),
  actor text,
  action text not null,
  record_type text not null,
  record_id text not null,
  person_id uuid,
  detail jsonb not null default '{}',
  foreign key (agency_id, case_id) references cases (agency_id, id) on delete cascade
);
create index case_activity_case on case_activity (case_id, at desc, id desc);

create function case_activity_is_kept() returns trigger language plpgsql as $$
begin
  raise exception 'case_activity rows are history: they are never changed' using errcode = 'restrict_violation';
end $$;
create trigger case_activity_history before update on case_activity
  for each row execute function case_activity_is_kept();

-- Status changes are made by src/victims/case-service.ts; a trigger records them for the timeline
-- (the actor is taken from the 'case.status' audit entry written in the same transaction).
create function record_case_status_change() returns trigger language plpgsql as $$
begin
  if new.status is distinct from old.status then
    insert into case_activity (agency_id, case_id, action, record_type, record_id, detail)
    values (new.agency_id, new.id, 'case.status', 'case', new.id::text,
      jsonb_build_object('from', old.status, 'to', new.status, 'htcdsStatus', new.htcds_status));
  end if;
  return null;
end $$;
create trigger cases_status_activity after update of status on cases
  for each row execute function record_case_status_change();

-- Repatriation steps are support-plan items of kind 'repatriation' with a step: at most one per
-- step in a plan, and a step may be marked not needed (then it is cancelled, and does not hold back
-- the later steps; see src/victims/cases/repatriation.ts).
alter table support_plan_items add column not_needed boolean not null default false;
alter table support_plan_items add constraint support_plan_items_not_needed
  check (not not_needed or (repatriation_step is not null and status = 'cancelled'));
create unique index support_plan_items_one_step on support_plan_items (plan_id, repatriation_step)
  where repatriation_step is not null;

-- The timeline reads the audit entries of a case and its persons by record id.
create index audit_entries_record on audit_entries (record_id, at);
