-- Federation (issue 5 §1–3): peer nodes, invitations, the durable outbox and the idempotent
-- inbox. Owned by src/federation. Message bodies wait in the outbox sealed with FieldCipher
-- (AAD "federation_outbox.body:<id>") until delivered; the inbox keeps no bodies, only what deduplication,
-- ordering and the audit need.

create table federation_peers (
  id uuid primary key,                       -- the peer's node id
  country char(2) not null check (country ~ '^[A-Z]{2}$'),
  name text not null check (length(name) between 1 and 200),
  base_url text not null check (length(base_url) between 8 and 500),
  public_key bytea not null unique check (length(public_key) = 32),  -- raw Ed25519
  fingerprint text not null,
  status text not null check (status in ('active', 'suspended', 'revoked')),
  status_reason text,
  -- How the peering was made: we accepted their invitation, or they accepted ours.
  origin text not null check (origin in ('accepted_invitation', 'invitation_accepted')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- An invitation names this node and carries a one-time secret: the node that accepts it proves
-- it holds the invitation by returning the secret, signed with its own key.
create table federation_invitations (
  id uuid primary key,
  secret_sha256 bytea not null check (length(secret_sha256) = 32),
  note text,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  used_by_peer uuid references federation_peers (id),
  check (expires_at > created_at)
);

-- The sequence of each conversation (a referral) towards each peer.
create table federation_conversations (
  peer_id uuid not null references federation_peers (id),
  conversation uuid not null,
  last_seq integer not null,
  primary key (peer_id, conversation)
);

create table federation_outbox (
  id uuid primary key,                       -- the message id
  peer_id uuid not null references federation_peers (id),
  conversation uuid not null,
  seq integer not null check (seq > 0),
  type text not null,
  version integer not null check (version > 0),
  body_enc text,                             -- null once delivered (never kept in clear)
  created_at timestamptz not null default now(),
  retried_at timestamptz,                    -- an administrator sent a dead letter again
  status text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  delivered_at timestamptz,
  dead_at timestamptz,
  unique (peer_id, conversation, seq)
);
create index federation_outbox_pending on federation_outbox (next_attempt_at) where status = 'pending';
create index federation_outbox_conversation on federation_outbox (peer_id, conversation, seq) where status = 'pending';
create index federation_outbox_dead on federation_outbox (dead_at) where status = 'dead';

create table federation_inbox (
  message_id uuid primary key,
  peer_id uuid not null references federation_peers (id),
  conversation uuid not null,
  seq integer not null,
  type text not null,
  version integer not null,
  body_sha256 bytea not null,
  sent_at timestamptz not null,
  received_at timestamptz not null default now(),
  unique (peer_id, conversation, seq)
);
