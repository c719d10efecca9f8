import type { AppDeps } from '../http/context.ts';

// Background work of a serving node: the audit sequencer and checkpointer, and in-process job workers.
export type Background = { stop(): Promise<void> };

export async function startBackground(_deps: AppDeps, _url: string): Promise<Background> {
  const stops: Array<() => Promise<void>> = [];
  return {
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
