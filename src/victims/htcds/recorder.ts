import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import type { DB, Exec } from '../../platform/db/database.ts';

// An executor that runs nothing: it records the statements a repository function would send, compiled
// for PostgreSQL, and answers each with no rows. An import builds a batch's audit entries with the
// audit module's own `appendAuditBatch` against it while the batch is prepared (the entries' digests
// are most of their cost), and its writing transaction sends the recorded statement as it is. Only
// for functions that write without reading what they wrote (no `returning`).

class RecordingConnection implements DatabaseConnection {
  constructor(private readonly into: CompiledQuery[]) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    this.into.push(query);
    return { rows: [] };
  }
  // biome-ignore lint/correctness/useYield: nothing to stream
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('a recording executor does not stream');
  }
}

class RecordingDriver implements Driver {
  readonly queries: CompiledQuery[] = [];
  private readonly connection = new RecordingConnection(this.queries);
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('a recording executor has no transactions');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/** Runs `build` against a recording executor; the statements it would have sent, in order. */
export async function recordQueries(build: (db: Exec) => Promise<unknown>): Promise<CompiledQuery[]> {
  const driver = new RecordingDriver();
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  await build(db);
  return driver.queries;
}
