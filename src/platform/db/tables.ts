import type { ColumnType, Generated } from 'kysely';

// Row types of the platform's own tables (migrations/0001_platform.sql).
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type NodeTable = {
  id: string;
  name: string;
  country: string;
  public_key: Buffer;
  private_key_enc: string;
  created_at: Timestamp;
  singleton: Generated<boolean>;
};

export type CryptoKeysTable = {
  id: string;
  wrapped: string;
  status: 'active' | 'retired';
  created_at: Timestamp;
};

export type AgenciesTable = {
  id: Generated<string>;
  name: string;
  org_type: string;
  country: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type UsersTable = {
  id: Generated<string>;
  agency_id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  must_change_password: Generated<boolean>;
  totp_secret_enc: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: ColumnType<string | null, number | string | null, number | string | null>;
  failed_logins: Generated<number>;
  locked_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
  disabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type SessionsTable = {
  id_hash: Buffer;
  user_id: string;
  csrf_token: string;
  second_factor_pending: Generated<boolean>;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
};

export type ApiTokensTable = {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: Buffer;
  prefix: string;
  scopes: string[];
  created_at: Timestamp;
  expires_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  last_used_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
};

export type LoginThrottleTable = {
  key: string;
  window_start: ColumnType<Date, Date | string, Date | string>;
  attempts: number;
};

export type AuditEntriesTable = {
  id: Generated<string>;
  seq: ColumnType<string | null, never, number | string>;
  at: Timestamp;
  actor_id: string | null;
  actor: string;
  action: string;
  record_type: string;
  record_id: string | null;
  digest: Buffer;
  leaf: Buffer | null;
};

export type PlatformTables = {
  node: NodeTable;
  crypto_keys: CryptoKeysTable;
  agencies: AgenciesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttle: LoginThrottleTable;
  audit_entries: AuditEntriesTable;
};
