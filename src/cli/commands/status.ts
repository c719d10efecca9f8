import { Command } from 'commander';
import { currentVersion } from '../../platform/db/migrate.ts';
import { withNodeDatabase } from '../node-db.ts';

export function statusCommand(): Command {
  return new Command('status')
    .description("Show the node's identity and database state")
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withNodeDatabase(async ({ pool, node, config, shared }) => {
        const status = {
          nodeId: node.id,
          name: node.name,
          country: node.country,
          migrationVersion: await currentVersion(pool),
          database: config.databaseUrl
            ? 'external'
            : shared
              ? 'embedded, shared with the running jaring serve'
              : 'embedded, started for this command',
          dataDir: config.dataDir,
        };
        if (opts.json) process.stdout.write(`${JSON.stringify(status)}\n`);
        else for (const [k, v] of Object.entries(status)) process.stdout.write(`${k}: ${v}\n`);
      });
    });
}
