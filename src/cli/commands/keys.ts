import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { MasterKeyError, masterKeyFingerprint, parseMasterKey } from '../../platform/crypto/master-key.ts';
import { rewrapMasterKey, rotateDataKey } from '../../platform/crypto/rotate.ts';
import { withNodeDatabase } from '../node-db.ts';

const CLI_ACTOR = { id: null, label: 'cli' };

function readNewMasterKey(path: string): Buffer {
  const file = resolve(path);
  const mode = statSync(file).mode & 0o777;
  // The same rule as master.key: this file is about to become it.
  if (mode & 0o077)
    throw new MasterKeyError(`${file} is readable by others (mode ${mode.toString(8)}); chmod 600 it.`);
  try {
    return parseMasterKey(readFileSync(file, 'utf8'));
  } catch (err) {
    if (err instanceof MasterKeyError) {
      throw new MasterKeyError(
        `${file} must hold 32 bytes as 64 hex digits or base64 (openssl rand -base64 32).`,
      );
    }
    throw err;
  }
}

function list(): Promise<void> {
  return withNodeDatabase(async ({ db }) => {
    const keys = await db
      .selectFrom('crypto_keys')
      .select(['id', 'status', 'created_at'])
      .orderBy('created_at')
      .orderBy('status', 'desc')
      .execute();
    if (keys.length === 0)
      process.stdout.write('No data key yet: the first is created when the node first starts.\n');
    for (const k of keys)
      process.stdout.write(`${k.id}  ${k.status.padEnd(7)}  ${k.created_at.toISOString()}\n`);
  });
}

function rotate(): Promise<void> {
  return withNodeDatabase(async ({ db, master }) => {
    const result = await rotateDataKey(db, master, { actor: CLI_ACTOR });
    process.stdout.write(
      `New data key ${result.newKeyId} is active; ${result.previousKeyId} is retired (kept for backups).\n`,
    );
    for (const [column, count] of Object.entries(result.reEncrypted)) {
      process.stdout.write(`  ${column}: ${count} value(s) re-encrypted\n`);
    }
    process.stdout.write(
      'Restart every running `jaring serve` and `jaring worker` so they load the new key.\n',
    );
  });
}

function rotateMaster(options: { newKeyFile: string }): Promise<void> {
  const newMaster = readNewMasterKey(options.newKeyFile);
  return withNodeDatabase(async ({ db, master, config }) => {
    const result = await rewrapMasterKey(db, master, newMaster, CLI_ACTOR);
    const file = resolve(options.newKeyFile);
    const where = config.masterKey
      ? `Set JARING_MASTER_KEY to the contents of ${file} wherever this node's processes are started.`
      : `Replace ${resolve(config.dataDir, 'master.key')} with ${file} (keep mode 600).`;
    process.stdout.write(
      [
        `Re-wrapped ${result.dataKeys} data key(s)${result.nodeKey ? " and the node's private key" : ''} under the new master key (fingerprint ${result.fingerprint}).`,
        `The old master key (fingerprint ${masterKeyFingerprint(master)}) no longer opens this node's database. Now:`,
        `  1. ${where}`,
        '  2. Restart every `jaring serve` and `jaring worker` of this node; none will start with the old key.',
        '  3. Keep the old master key with any backup taken before now: only it opens those backups.',
        '',
      ].join('\n'),
    );
  });
}

export function keysCommand(): Command {
  const keys = new Command('keys').description(
    'Field-encryption keys: list them, rotate the data key, change the master key',
  );
  keys.command('list').description('List the data keys and which one is active').action(list);
  keys
    .command('rotate')
    .description('Create a new data key and re-encrypt every encrypted field with it, in one transaction')
    .action(rotate);
  keys
    .command('rotate-master')
    .description('Re-wrap the data keys and the node key under a new master key, in one transaction')
    .requiredOption('--new-key-file <path>', 'file holding the new 32-byte key, base64 or hex (mode 600)')
    .action(rotateMaster);
  return keys;
}
