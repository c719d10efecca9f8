import { type ServerType, serve } from '@hono/node-server';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { createApp } from '../http/app.ts';
import { stopModules } from '../http/modules.ts';
import { type Background, startBackground } from './background.ts';
import { type BootedNode, bootNode } from './boot.ts';

// A node serving HTTP with its background work: what `jaring serve` runs, and what `jaring demo`
// and the multi-node tests run several of in one process (each with its own database).

export type ServingNode = {
  node: BootedNode;
  address: string;
  /** Stops answering HTTP (the node is "down" for its peers) but keeps its database and outbox. */
  closeHttp(): Promise<void>;
  /** Answers HTTP again, on the same port. */
  openHttp(): Promise<void>;
  stop(): Promise<void>;
};

function listen(server: ServerType, config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new Error(
          err.code === 'EADDRINUSE'
            ? `Port ${config.port} on ${config.host} is already in use. Set PORT to another port.`
            : `Cannot listen on ${config.host}:${config.port}: ${err.message}`,
        ),
      ),
    );
  });
}

export async function startServing(config: Config, url: string, logger: Logger): Promise<ServingNode> {
  const node = await bootNode(config, url, logger);
  let background: Background | undefined;
  let server: ServerType | undefined;
  try {
    // Jobs first: an early request may enqueue one, and pg-boss creates its schema on start.
    background = await startBackground(node.deps, url);
    const { app } = createApp(node.deps);
    const open = async () => {
      server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
      await listen(server, config);
    };
    const close = async () => {
      const s = server;
      server = undefined;
      if (!s) return;
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        // Idle keep-alive connections would hold close() open.
        (s as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    };
    await open();
    const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
    return {
      node,
      address: `http://${host}:${config.port}`,
      closeHttp: close,
      openHttp: open,
      stop: async () => {
        await close();
        await stopModules();
        await background?.stop();
        await node.close();
      },
    };
  } catch (err) {
    await background?.stop();
    await node.close();
    throw err;
  }
}
