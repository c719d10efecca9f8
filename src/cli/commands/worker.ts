import { Command } from 'commander';
import { loadFieldCipher } from '../../platform/crypto/fields.ts';
import { startJobs } from '../../platform/jobs/runner.ts';
import { onShutdownSignal } from '../../platform/node/signals.ts';
import { withNodeDatabase } from '../node-db.ts';

// Replaces withNodeDatabase's interrupt handler: running jobs finish, then the database closes.
function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => onShutdownSignal(resolve));
}

export function workerCommand(): Command {
  return new Command('worker')
    .description(
      'Run background jobs only, no HTTP. Start several (on any machine) against one database to scale out',
    )
    .action(() =>
      withNodeDatabase(async ({ db, url, logger, master }) => {
        // The keys are read for each job, so a worker follows `jaring keys rotate` without a restart.
        const cipher = () => loadFieldCipher(db, master);
        const jobs = await startJobs({ url, db, logger, work: true, cipher });
        process.stderr.write(
          'jaring worker: running jobs; Ctrl-C or SIGTERM stops it after the running jobs finish\n',
        );
        const signal = await nextSignal();
        logger.info({ signal }, 'stopping the job workers');
        await jobs.stop();
      }),
    );
}
