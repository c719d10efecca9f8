-- Change notifications (src/platform/db/changes.ts): a serving process caches a few hot lookups
-- (API token → principal, the screening watchlist) and drops them when a notification says their
-- table changed. NOTIFY is sent at commit, so a change made by any process, or by hand in psql,
-- reaches every cache.
create function jaring_notify_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('jaring_changes', tg_table_name);
  return null;
end $$;

-- What a cached principal depends on. Inserts need no notice: nothing is cached for an unknown key.
create trigger api_tokens_changed after update of token_hash, user_id, scopes, expires_at, revoked_at
  or delete or truncate on api_tokens for each statement execute function jaring_notify_change();
create trigger users_changed after update of username, display_name, agency_id, roles, disabled
  or delete or truncate on users for each statement execute function jaring_notify_change();
create trigger screening_watchlist_changed after insert or update or delete or truncate
  on screening_watchlist for each statement execute function jaring_notify_change();
