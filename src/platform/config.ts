import { resolve } from 'node:path';
import { z } from 'zod';

// Every setting a node reads from its environment. The README's configuration table mirrors this list.
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  JARING_DATA_DIR: z.string().min(1).default('./.jaring'),
  JARING_MASTER_KEY: z.string().optional(),
  JARING_NODE_NAME: z.string().min(1).max(200).default('Jaring node'),
  JARING_NODE_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as TH or VN')
    .default('ID'),
  JARING_ADMIN_USERNAME: z.string().min(1).max(100).default('admin'),
  JARING_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  JARING_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JARING_BODY_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  JARING_BATCH_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024 * 1024),
  JARING_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  JARING_SESSION_HOURS: z.coerce.number().positive().default(12),
  JARING_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  JARING_LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  JARING_CHECKPOINT_SECONDS: z.coerce.number().positive().default(300),
  JARING_WORKERS: z.enum(['inprocess', 'none']).default('inprocess'),
  JARING_SCREEN_THREADS: z.coerce.number().int().min(0).max(64).default(1),
  JARING_IDENTIFICATION_SET: z.string().min(1).optional(),
  JARING_HTCDS_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(256 * 1024 * 1024),
  JARING_REFERRAL_ACK_HOURS: z.coerce.number().positive().default(24),
  JARING_REFERRAL_DECISION_HOURS: z.coerce.number().positive().default(72),
  JARING_PUBLIC_URL: z.string().url().optional(),
  JARING_FEDERATION_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  JARING_FEDERATION_CLOCK_SKEW_SECONDS: z.coerce.number().int().positive().default(300),
  JARING_FEDERATION_RETRY_BASE_MS: z.coerce.number().int().positive().default(1000),
  JARING_FEDERATION_RETRY_MAX_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 60 * 1000),
  JARING_FEDERATION_DEAD_AFTER_HOURS: z.coerce.number().positive().default(72),
  JARING_FEDERATION_ALLOW_HTTP: z.enum(['loopback', 'never']).default('loopback'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  masterKey: string | undefined;
  nodeName: string;
  nodeCountry: string;
  adminUsername: string;
  adminPassword: string | undefined;
  logLevel: z.infer<typeof envSchema>['JARING_LOG_LEVEL'];
  bodyLimit: number;
  batchMaxBytes: number;
  trustProxy: boolean;
  sessionHours: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  checkpointSeconds: number;
  workers: 'inprocess' | 'none';
  /** Worker threads that screen posts for `POST /api/screen`; 0 screens on the event loop. */
  screenThreads: number;
  /** The node's national identification indicator file (src/victims/identification/README.md). */
  identificationSetFile: string | undefined;
  /** The largest HTCDS file an import reads (src/victims/htcds/README.md). */
  htcdsMaxBytes: number;
  /** Referral SLA: hours to acknowledge and to decide (src/referrals/README.md). */
  referralAckHours: number;
  referralDecisionHours: number;
  /** Node-to-node exchange (src/federation/README.md). */
  federation: FederationConfig;
};

export type FederationConfig = {
  /** The base URL peers use to reach this node; printed in its invitations. */
  publicUrl: string;
  maxBytes: number;
  /** How far a message's `created` and `Date` may be from this node's clock. */
  clockSkewSeconds: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** After this long undelivered, a message goes to the dead-letter list and raises an alert. */
  deadAfterHours: number;
  /** Plain HTTP peers: only on loopback (the demo and tests), or never (HTTPS only). */
  allowHttp: 'loopback' | 'never';
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.JARING_DATA_DIR),
    masterKey: e.JARING_MASTER_KEY,
    nodeName: e.JARING_NODE_NAME,
    nodeCountry: e.JARING_NODE_COUNTRY,
    adminUsername: e.JARING_ADMIN_USERNAME,
    adminPassword: e.JARING_ADMIN_PASSWORD,
    logLevel: e.JARING_LOG_LEVEL,
    bodyLimit: e.JARING_BODY_LIMIT,
    batchMaxBytes: e.JARING_BATCH_MAX_BYTES,
    trustProxy: e.JARING_TRUST_PROXY,
    sessionHours: e.JARING_SESSION_HOURS,
    loginMaxFailures: e.JARING_LOGIN_MAX_FAILURES,
    loginLockoutMinutes: e.JARING_LOGIN_LOCKOUT_MINUTES,
    checkpointSeconds: e.JARING_CHECKPOINT_SECONDS,
    workers: e.JARING_WORKERS,
    screenThreads: e.JARING_SCREEN_THREADS,
    identificationSetFile: e.JARING_IDENTIFICATION_SET ? resolve(e.JARING_IDENTIFICATION_SET) : undefined,
    htcdsMaxBytes: e.JARING_HTCDS_MAX_BYTES,
    referralAckHours: e.JARING_REFERRAL_ACK_HOURS,
    referralDecisionHours: e.JARING_REFERRAL_DECISION_HOURS,
    federation: {
      publicUrl: (e.JARING_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
      maxBytes: e.JARING_FEDERATION_MAX_BYTES,
      clockSkewSeconds: e.JARING_FEDERATION_CLOCK_SKEW_SECONDS,
      retryBaseMs: e.JARING_FEDERATION_RETRY_BASE_MS,
      retryMaxMs: e.JARING_FEDERATION_RETRY_MAX_MS,
      deadAfterHours: e.JARING_FEDERATION_DEAD_AFTER_HOURS,
      allowHttp: e.JARING_FEDERATION_ALLOW_HTTP,
    },
  };
}
