-- Owned by src/referrals. An offer the receiving node refused for good (e.g. unknown_agency) or that
-- could not be delivered in time is dead-lettered by the federation outbox; the referral now says so:
-- status 'undelivered' (never overdue: nothing is awaited from the other side), when, and why (the
-- receiving node's error code, or 'expired'). A later message of the referral that is dead-lettered
-- is a 'delivery_failed' event on its timeline, the status unchanged.
alter table referrals drop constraint referrals_status_check;
alter table referrals add constraint referrals_status_check check (status in
  ('draft', 'sent', 'undelivered', 'received', 'accepted', 'declined', 'in_progress', 'completed', 'closed',
   'withdrawn'));
alter table referrals
  add column undelivered_at timestamptz,
  add column undelivered_reason text check (length(undelivered_reason) between 1 and 100);

alter table referral_events drop constraint referral_events_kind_check;
alter table referral_events add constraint referral_events_kind_check check (kind in ('created', 'sent',
  'received', 'accepted', 'declined', 'step', 'reintegration', 'completed', 'closed', 'withdrawn', 'purged',
  'purge_confirmed', 'assessment_shared', 'undelivered', 'delivery_failed'));
