import type { ColumnType, Generated } from 'kysely';

// Row types of migrations/0012_federation.sql.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Fixed<T> = ColumnType<T, T, never>;

export type FederationPeersTable = {
  id: Fixed<string>;
  country: Fixed<string>;
  name: string;
  base_url: string;
  public_key: Fixed<Buffer>;
  fingerprint: Fixed<string>;
  status: 'active' | 'suspended' | 'revoked';
  status_reason: string | null;
  origin: Fixed<'accepted_invitation' | 'invitation_accepted'>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type FederationInvitationsTable = {
  id: Fixed<string>;
  secret_sha256: Fixed<Buffer>;
  note: Fixed<string | null>;
  created_by: Fixed<string>;
  created_at: Timestamp;
  expires_at: Fixed<Date>;
  used_at: Date | null;
  used_by_peer: string | null;
};

export type FederationConversationsTable = {
  peer_id: string;
  conversation: string;
  last_seq: number;
};

export type FederationOutboxTable = {
  id: Fixed<string>;
  peer_id: Fixed<string>;
  conversation: Fixed<string>;
  seq: Fixed<number>;
  type: Fixed<string>;
  version: Fixed<number>;
  body_enc: string | null;
  created_at: Timestamp;
  retried_at: Date | null;
  status: ColumnType<
    'pending' | 'delivered' | 'dead',
    'pending' | undefined,
    'pending' | 'delivered' | 'dead'
  >;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  delivered_at: Date | null;
  dead_at: Date | null;
};

export type FederationInboxTable = {
  message_id: Fixed<string>;
  peer_id: Fixed<string>;
  conversation: Fixed<string>;
  seq: Fixed<number>;
  type: Fixed<string>;
  version: Fixed<number>;
  body_sha256: Fixed<Buffer>;
  sent_at: Fixed<Date>;
  received_at: Timestamp;
};

export type FederationTables = {
  federation_peers: FederationPeersTable;
  federation_invitations: FederationInvitationsTable;
  federation_conversations: FederationConversationsTable;
  federation_outbox: FederationOutboxTable;
  federation_inbox: FederationInboxTable;
};
