/** One measured figure of a benchmark; `target` and `pass` when the design sets a goal for it. */
export type BenchResult = { name: string; value: number; unit: string; target?: string; pass?: boolean };
