import type { ScreenInput, ScreenResult } from './types.ts';

/** Screens one post; a node's screener holds its active model. */
export type Screener = { name: string; screen(input: ScreenInput): ScreenResult };
