// Platt scaling: P(fraud | z) = σ(a·z + b), fitted by Newton's method on out-of-fold decision
// values with Platt's smoothed targets (Platt 1999; Lin, Lin & Weng 2007).

export type Platt = { a: number; b: number };

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function applyPlatt(p: Platt, z: number): number {
  return sigmoid(p.a * z + p.b);
}

export function fitPlatt(z: ArrayLike<number>, labels: ArrayLike<number>): Platt {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if ((labels[i] ?? 0) === 1) positives++;
  const negatives = labels.length - positives;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  let a = 1;
  let b = Math.log((negatives + 1) / (positives + 1)) * -1;
  const value = (pa: number, pb: number): number => {
    let f = 0;
    for (let i = 0; i < z.length; i++) {
      const t = (labels[i] ?? 0) === 1 ? hi : lo;
      const u = pa * (z[i] ?? 0) + pb;
      // −[t log σ(u) + (1−t) log(1−σ(u))], computed stably
      f += u >= 0 ? (1 - t) * u + Math.log1p(Math.exp(-u)) : -t * u + Math.log1p(Math.exp(u));
    }
    return f;
  };
  let f = value(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let gA = 0;
    let gB = 0;
    let hAA = 1e-12;
    let hAB = 0;
    let hBB = 1e-12;
    for (let i = 0; i < z.length; i++) {
      const t = (labels[i] ?? 0) === 1 ? hi : lo;
      const zi = z[i] ?? 0;
      const p = sigmoid(a * zi + b);
      const d = p - t;
      const w = p * (1 - p);
      gA += d * zi;
      gB += d;
      hAA += w * zi * zi;
      hAB += w * zi;
      hBB += w;
    }
    if (Math.abs(gA) < 1e-9 && Math.abs(gB) < 1e-9) break;
    const det = hAA * hBB - hAB * hAB;
    const dA = -(hBB * gA - hAB * gB) / det;
    const dB = -(-hAB * gA + hAA * gB) / det;
    let step = 1;
    let improved = false;
    while (step > 1e-10) {
      const fNew = value(a + step * dA, b + step * dB);
      if (fNew < f + 1e-4 * step * (gA * dA + gB * dB)) {
        a += step * dA;
        b += step * dB;
        f = fNew;
        improved = true;
        break;
      }
      step /= 2;
    }
    if (!improved) break;
  }
  return { a, b };
}
