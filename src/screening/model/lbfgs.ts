// Limited-memory BFGS (Nocedal & Wright, Algorithm 7.4/7.5) with a backtracking Armijo line
// search. Deterministic; the objective writes its gradient into `grad` and returns its value.

export type Objective = (x: Float64Array, grad: Float64Array) => number;

export type LbfgsOptions = { memory: number; maxIterations: number; tolerance: number };

export type LbfgsResult = { x: Float64Array; value: number; iterations: number; converged: boolean };

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

export function minimizeLbfgs(objective: Objective, x0: Float64Array, options: LbfgsOptions): LbfgsResult {
  const n = x0.length;
  const m = options.memory;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  let f = objective(x, g);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(m);
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  for (; iterations < options.maxIterations; iterations++) {
    const gNorm = Math.sqrt(dot(g, g));
    if (gNorm <= options.tolerance * Math.max(1, Math.sqrt(dot(x, x)))) {
      converged = true;
      break;
    }
    // Two-loop recursion: d = −H·g.
    for (let i = 0; i < n; i++) d[i] = -(g[i] ?? 0);
    for (let k = s.length - 1; k >= 0; k--) {
      const sk = s[k];
      const yk = y[k];
      if (!sk || !yk) continue;
      const a = (rho[k] ?? 0) * dot(sk, d);
      alpha[k] = a;
      for (let i = 0; i < n; i++) d[i] = (d[i] ?? 0) - a * (yk[i] ?? 0);
    }
    const last = s.length - 1;
    const sLast = s[last];
    const yLast = y[last];
    const gamma = sLast && yLast ? dot(sLast, yLast) / dot(yLast, yLast) : 1 / gNorm;
    for (let i = 0; i < n; i++) d[i] = (d[i] ?? 0) * gamma;
    for (let k = 0; k < s.length; k++) {
      const sk = s[k];
      const yk = y[k];
      if (!sk || !yk) continue;
      const b = (rho[k] ?? 0) * dot(yk, d);
      const a = alpha[k] ?? 0;
      for (let i = 0; i < n; i++) d[i] = (d[i] ?? 0) + (a - b) * (sk[i] ?? 0);
    }
    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      s.length = 0;
      y.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -(g[i] ?? 0) / gNorm;
      slope = dot(g, d);
    }
    let step = 1;
    let fNew = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = (x[i] ?? 0) + step * (d[i] ?? 0);
      fNew = objective(xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew <= f)) break;
    // The oldest pair is dropped when memory is full; its arrays are reused.
    const full = s.length === m;
    if (full) rho.shift();
    const sk = (full ? s.shift() : undefined) ?? new Float64Array(n);
    const yk = (full ? y.shift() : undefined) ?? new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sk[i] = (xNew[i] ?? 0) - (x[i] ?? 0);
      yk[i] = (gNew[i] ?? 0) - (g[i] ?? 0);
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
    }
    const relativeDecrease = (f - fNew) / Math.max(Math.abs(f), Math.abs(fNew), 1);
    x.set(xNew);
    g.set(gNew);
    f = fNew;
    if (relativeDecrease < options.tolerance * 1e-3) {
      converged = true;
      iterations++;
      break;
    }
  }
  return { x, value: f, iterations, converged };
}
