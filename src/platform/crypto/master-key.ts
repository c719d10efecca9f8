import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The master key wraps the data keys and the node's private key. It never enters the database.

export class MasterKeyError extends Error {}

export type MasterKey = { key: Buffer; fingerprint: string; source: 'env' | 'file' };

export function parseMasterKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) {
    throw new MasterKeyError(
      'JARING_MASTER_KEY must be 32 bytes, as 64 hex digits or base64 (openssl rand -base64 32).',
    );
  }
  return key;
}

/** A short public fingerprint of a master key (first 16 hex digits of its SHA-256), to tell keys apart. */
export function masterKeyFingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

function describe(key: Buffer, source: MasterKey['source']): MasterKey {
  return { key, source, fingerprint: masterKeyFingerprint(key) };
}

export function loadMasterKey(envValue: string | undefined, dataDir: string): MasterKey {
  if (envValue) return describe(parseMasterKey(envValue), 'env');
  const file = join(dataDir, 'master.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077)
    throw new MasterKeyError(`${file} is readable by others (mode ${mode.toString(8)}); chmod 600 it.`);
  return describe(parseMasterKey(readFileSync(file, 'utf8')), 'file');
}
