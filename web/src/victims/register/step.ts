import type { Draft } from './draft.ts';

export type StepProps = {
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  /** The message for a field the wizard already knows is wrong, if any. */
  issue: (field: keyof Draft) => string | undefined;
  /** Editing a registered person: the external id is fixed, and no duplicate search runs. */
  editing?: boolean;
  /** Whether the person has a victim context (registration always makes one). */
  victim?: boolean;
};
