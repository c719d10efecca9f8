import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { findUserByUsername } from '../../platform/accounts/repo.ts';
import { isRole } from '../../platform/auth/roles.ts';
import { loadFieldCipher } from '../../platform/crypto/fields.ts';
import type { Db } from '../../platform/db/database.ts';
import { FileProblem } from '../../victims/htcds/csv.ts';
import { exportHtcds, type Recipient } from '../../victims/htcds/export.ts';
import { importHtcds } from '../../victims/htcds/import.ts';
import { htcdsPolicy, rolesAllow } from '../../victims/htcds/policy.ts';
import { fileSource, formatOfName } from '../../victims/htcds/source.ts';
import { nodeCatalog } from '../../victims/identification/catalog.ts';
import { withNodeDatabase } from '../node-db.ts';

// `jaring export htcds` and `jaring import htcds`: the same services as the API, run on the node as
// a named user (--as), whose roles decide what they may do and see, and who is named in the audit log.

async function actAs(db: Db, username: string, rule: (typeof htcdsPolicy)[keyof typeof htcdsPolicy]) {
  const user = await findUserByUsername(db, username);
  if (!user || user.disabled) throw new FileProblem(`--as ${username}: no such active user on this node`);
  if (!rolesAllow(rule, user.roles)) {
    throw new FileProblem(`--as ${username}: ${rule.action} needs the role ${rule.roles.join(' or ')}`);
  }
  return {
    userId: user.id,
    username: user.username,
    agencyId: user.agency_id,
    roles: user.roles.filter(isRole),
  };
}

function positiveInt(value: string): number {
  const n = Number.parseInt(value, 10);
  if (!Number.isInteger(n) || n < 1 || String(n) !== value)
    throw new InvalidArgumentError('must be a whole number ≥ 1');
  return n;
}

function recipientOf(value: string | undefined, purpose: string | undefined): Recipient | undefined {
  if (value === undefined) {
    if (purpose !== undefined) throw new InvalidArgumentError('--purpose needs --recipient');
    return undefined;
  }
  const m = /^([A-Z]{2})(?::(.{1,200}))?$/.exec(value);
  if (!m?.[1])
    throw new InvalidArgumentError('--recipient must be a country code such as TH, or TH:Agency name');
  if (purpose !== 'information_sharing' && purpose !== 'referral' && purpose !== 'research') {
    throw new InvalidArgumentError('--recipient needs --purpose information_sharing, referral or research');
  }
  return { country: m[1], agency: m[2] ?? null, purpose };
}

/** A file problem is the operator's to fix: one clear line and exit code 1, not a stack trace. */
async function reporting(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (!(err instanceof FileProblem)) throw err;
    process.stderr.write(`jaring: ${err.message}\n`);
    process.exitCode = 1;
  }
}

export function exportCommand(): Command {
  const command = new Command('export').description('Export records to a standard file');
  command
    .command('htcds')
    .description("Export the agency's persons and cases as HTCDS 2.0 rows (one per person in a case)")
    .requiredOption('--out <file>', 'the file to write: .csv or .xlsx')
    .requiredOption('--as <username>', 'the user the export is done as (their view; named in the audit log)')
    .option(
      '--recipient <CC[:agency]>',
      'the file leaves the node for this recipient: only consenting persons',
    )
    .option('--purpose <purpose>', 'with --recipient: information_sharing, referral or research')
    .action(async (opts: { out: string; as: string; recipient?: string; purpose?: string }) =>
      reporting(async () => {
        const out = resolve(opts.out);
        const format = formatOfName(out);
        if (!format) throw new FileProblem(`--out ${opts.out}: the file name must end in .csv or .xlsx`);
        const recipient = recipientOf(opts.recipient, opts.purpose);
        await withNodeDatabase(async ({ db, master }) => {
          const who = await actAs(db, opts.as, htcdsPolicy['victims.htcds.export']);
          const cipher = await loadFieldCipher(db, master);
          // Written beside the target and renamed when complete: never a half-written file under its name.
          const partial = join(dirname(out), `.${basename(out)}.${process.pid}.partial`);
          try {
            const report = await exportHtcds(
              { db, cipher },
              who,
              { format, recipient },
              createWriteStream(partial, { mode: 0o600 }),
            );
            renameSync(partial, out);
            process.stdout.write(`${JSON.stringify({ out, format, ...report })}\n`);
          } finally {
            rmSync(partial, { force: true });
          }
        });
      }),
    );
  return command;
}

export function importCommand(): Command {
  const command = new Command('import').description('Import records from a standard file');
  command
    .command('htcds')
    .description('Import HTCDS 2.0 rows (.csv or .xlsx): every row checked first; idempotent by external id')
    .argument('<file>', 'the file: .csv or .xlsx')
    .requiredOption('--as <username>', 'the caseworker the import is done as (named in the audit log)')
    .option('--partial', 'write the rows without problems (skipping all rows of a person or case with one)')
    .option('--batch-size <n>', 'rows per transaction', positiveInt, 500)
    .action(async (file: string, opts: { as: string; partial?: boolean; batchSize: number }) =>
      reporting(async () => {
        const source = fileSource(resolve(file));
        await withNodeDatabase(async ({ db, url, master, config }) => {
          const who = await actAs(db, opts.as, htcdsPolicy['victims.htcds.import']);
          const cipher = await loadFieldCipher(db, master);
          const deps = { db, cipher, catalog: nodeCatalog(config), url };
          const report = await importHtcds(deps, who, source, {
            maxBytes: config.htcdsMaxBytes,
            partial: opts.partial === true,
            batchSize: opts.batchSize,
            onBatch: (p) => {
              process.stderr.write(`committed ${p.committedRows} of ${p.totalRows} rows\n`);
            },
          });
          for (const i of report.issues) process.stderr.write(`row ${i.row}, ${i.column}: ${i.message}\n`);
          const { issues, ...summary } = report;
          process.stdout.write(`${JSON.stringify({ ...summary, problems: issues.length })}\n`);
          if (issues.length > 0) {
            process.stderr.write(
              report.written
                ? `jaring: ${issues.length} problems; ${report.skippedRows} rows were skipped (--partial)\n`
                : `jaring: ${issues.length} problems; nothing was written\n`,
            );
            process.exitCode = 1;
          }
        });
      }),
    );
  return command;
}
