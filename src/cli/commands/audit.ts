import { Command } from 'commander';
import { createCheckpoint } from '../../platform/audit/checkpoint.ts';
import { presentCheckpoint } from '../../platform/audit/presenters.ts';
import { type VerifyResult, verifyAuditLog } from '../../platform/audit/verify.ts';
import { withNodeDatabase } from '../node-db.ts';

function printVerdict(r: VerifyResult): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(r.ok ? 'Audit log verified: intact.' : 'Audit log verification FAILED.');
  out(`  entries:     ${r.treeSize}`);
  out(
    `  checkpoints: ${r.checkpointsChecked} checked${r.badCheckpoints.length ? `, bad: ${r.badCheckpoints.join(', ')}` : ''}`,
  );
  if (r.firstBadIndex !== undefined) out(`  first bad entry index: ${r.firstBadIndex}`);
  for (const p of r.problems) out(`  - ${p}`);
}

export function auditCommand(): Command {
  const audit = new Command('audit').description('Check and sign the tamper-evident audit log');

  audit
    .command('verify')
    .description(
      'Recompute the Merkle tree from every entry and check it, and every signed checkpoint; exit 1 on failure',
    )
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const result = await withNodeDatabase(({ db, node }) =>
        verifyAuditLog(db, node.publicKey, {
          onProgress: (done, total) => {
            if (process.stderr.isTTY) process.stderr.write(`\rverified ${done} of ${total} entries`);
          },
        }),
      );
      if (process.stderr.isTTY) process.stderr.write('\n');
      if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else printVerdict(result);
      if (!result.ok) process.exitCode = 1;
    });

  audit
    .command('checkpoint')
    .description('Integrate queued entries and sign a checkpoint of the log now')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const shown = await withNodeDatabase(async ({ db, node }) =>
        presentCheckpoint(await createCheckpoint({ db, node }), node.publicKey),
      );
      if (opts.json) process.stdout.write(`${JSON.stringify(shown)}\n`);
      else process.stdout.write(`Checkpoint signed at ${shown.treeSize} entries.\n\n${shown.signedNote}`);
    });

  return audit;
}
