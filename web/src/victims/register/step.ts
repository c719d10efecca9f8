import type { Draft } from './draft.ts';

export type StepProps = {
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  /** The message for a field the wizard already knows is wrong, if any. */
  issue: (field: keyof Draft) => string | undefined;
};
