-- Audit log Merkle tree (src/platform/audit). Entries are queued in audit_entries (0001); the
-- sequencer gives them leaf indexes and stores here the hash of every complete subtree, so that
-- proofs are read, not recomputed.

-- Complete (perfect) subtree (level, idx) covers leaves [idx * 2^level, (idx + 1) * 2^level);
-- level 0 holds the leaf hashes. A node is written once, when its last leaf is integrated.
create table audit_tree_nodes (
  level smallint not null check (level between 0 and 62),
  idx bigint not null check (idx >= 0),
  hash bytea not null check (length(hash) = 32),
  primary key (level, idx)
);

-- The tree as the sequencer last left it: size = number of integrated entries.
create table audit_tree_state (
  singleton boolean primary key default true check (singleton),
  size bigint not null check (size >= 0),
  root bytea not null check (length(root) = 32),
  updated_at timestamptz not null default now()
);
insert into audit_tree_state (size, root) values (0, sha256(''::bytea));

-- Signed tree heads: note is the C2SP tlog-checkpoint body, signature the node's Ed25519 signature of it.
create table audit_checkpoints (
  id bigserial primary key,
  tree_size bigint not null check (tree_size >= 0),
  root_hash bytea not null,
  created_at timestamptz not null default now(),
  note text not null,
  signature bytea not null
);
create index audit_checkpoints_tree_size on audit_checkpoints (tree_size);
