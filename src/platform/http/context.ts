import type { KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { FieldCipher } from '../crypto/fields.ts';
import type { ChangeFeed } from '../db/changes.ts';
import type { Db } from '../db/database.ts';
import type { Principal } from './policy.ts';

export type NodeIdentity = {
  id: string;
  name: string;
  country: string;
  publicKey: Buffer;
  privateKey: KeyObject;
};

/** What every request handler may use. Built once per process by platform/node/boot.ts. */
export type AppDeps = {
  config: Config;
  db: Db;
  cipher: FieldCipher;
  node: NodeIdentity;
  logger: Logger;
  migrationVersion: number;
  /** The database's connection string, for work that opens a connection of its own (a worker thread). */
  databaseUrl: string;
  /** Set while `jaring serve`'s background runs: lets hot lookups be cached (db/changes.ts). */
  changes?: ChangeFeed;
};

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    principal: Principal | undefined;
    requestId: string;
  };
};
