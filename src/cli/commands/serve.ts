import { type ServerType, serve } from '@hono/node-server';
import { Command } from 'commander';
import { loadConfig } from '../../platform/config.ts';
import { createApp } from '../../platform/http/app.ts';
import { createLogger } from '../../platform/logging.ts';
import { startBackground } from '../../platform/node/background.ts';
import { bootNode, openNodeDatabase } from '../../platform/node/boot.ts';
import { onShutdownSignal } from '../../platform/node/signals.ts';

function listen(server: ServerType): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
}

export async function runServe(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const { url, embedded } = await openNodeDatabase(config, 'serve', logger);
  const stopEmbedded = async () => {
    await embedded?.stop();
  };
  try {
    const node = await bootNode(config, url, logger);
    if (node.firstAdmin) {
      const { username, oneTimePassword } = node.firstAdmin;
      // Printed once, to the terminal only (never to the log): the first administrator's credentials.
      process.stdout.write(
        oneTimePassword
          ? `\nFirst administrator created.\n  username: ${username}\n  one-time password: ${oneTimePassword}\nYou must choose a new password at first login. This password is not shown again.\n\n`
          : `\nFirst administrator "${username}" created with the password from JARING_ADMIN_PASSWORD.\n\n`,
      );
    }
    // Jobs first: an early request may enqueue one, and pg-boss creates its schema on start.
    const background = await startBackground(node.deps, url);
    const { app } = createApp(node.deps);
    const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
    await listen(server).catch((err: NodeJS.ErrnoException) => {
      throw new Error(
        err.code === 'EADDRINUSE'
          ? `Port ${config.port} on ${config.host} is already in use. Set PORT to another port.`
          : `Cannot listen on ${config.host}:${config.port}: ${err.message}`,
      );
    });
    const address = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
    logger.info({ nodeId: node.deps.node.id, address, embedded: Boolean(embedded) }, 'Jaring is serving');
    process.stdout.write(`Jaring node "${node.deps.node.name}" is serving on ${address}\n`);

    // Serving goes on until a signal; then everything stops in order and this resolves.
    const signal = await new Promise<NodeJS.Signals>((resolve) => onShutdownSignal(resolve));
    logger.info({ signal }, 'stopping');
    server.close();
    await background.stop();
    await node.close();
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
