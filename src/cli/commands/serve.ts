import { Command } from 'commander';
import { loadConfig } from '../../platform/config.ts';
import { createLogger } from '../../platform/logging.ts';
import { openNodeDatabase } from '../../platform/node/boot.ts';
import { startServing } from '../../platform/node/serving.ts';
import { onShutdownSignal } from '../../platform/node/signals.ts';

export async function runServe(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const { url, embedded } = await openNodeDatabase(config, 'serve', logger);
  const stopEmbedded = async () => {
    await embedded?.stop();
  };
  try {
    const serving = await startServing(config, url, logger);
    const { node, address } = serving;
    if (node.firstAdmin) {
      const { username, oneTimePassword } = node.firstAdmin;
      // Printed once, to the terminal only (never to the log): the first administrator's credentials.
      process.stdout.write(
        oneTimePassword
          ? `\nFirst administrator created.\n  username: ${username}\n  one-time password: ${oneTimePassword}\nYou must choose a new password at first login. This password is not shown again.\n\n`
          : `\nFirst administrator "${username}" created with the password from JARING_ADMIN_PASSWORD.\n\n`,
      );
    }
    logger.info({ nodeId: node.deps.node.id, address, embedded: Boolean(embedded) }, 'Jaring is serving');
    process.stdout.write(`Jaring node "${node.deps.node.name}" is serving on ${address}\n`);

    // Serving goes on until a signal; then everything stops in order and this resolves.
    const signal = await new Promise<NodeJS.Signals>((resolve) => onShutdownSignal(resolve));
    logger.info({ signal }, 'stopping');
    await serving.stop();
    await stopEmbedded();
    logger.info('stopped');
  } catch (err) {
    await stopEmbedded();
    throw err;
  }
}

export function serveCommand(): Command {
  return new Command('serve')
    .description(
      'Run the node: API, web UI and background work (starts the embedded PostgreSQL unless DATABASE_URL is set)',
    )
    .action(runServe);
}
