import type { ColumnType, Generated } from 'kysely';

// Row types of the tables migrations/0002_audit_tree.sql adds, for the node's `DB` type. The audit
// module's own queries are plain SQL in repo.ts; these keep the database type complete.
type Int8 = ColumnType<string, number | string, number | string>;

export type AuditTreeNodesTable = { level: number; idx: Int8; hash: Buffer };

export type AuditTreeStateTable = {
  singleton: Generated<boolean>;
  size: Int8;
  root: Buffer;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

export type AuditCheckpointsTable = {
  id: Generated<string>;
  tree_size: Int8;
  root_hash: Buffer;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  note: string;
  signature: Buffer;
};

export type AuditTables = {
  audit_tree_nodes: AuditTreeNodesTable;
  audit_tree_state: AuditTreeStateTable;
  audit_checkpoints: AuditCheckpointsTable;
};
