// Deterministic JSON (sorted object keys, no whitespace), so equal values hash equally.
// Dates become ISO strings, Buffers hex, undefined members are dropped and an object with a
// `toJSON` method is written as what it returns (as JSON.stringify does).
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

// What JSON.stringify writes canonically. A value it already writes so is returned as it is, not
// copied: an object whose keys are in order, an array, an object whose `toJSON` gives such a value
// (JSON.stringify calls it again). Writers that build their objects with sorted keys (an HTCDS
// import's audit entries, ~6.5 KB a row) so skip a sorted copy of each.
function normalise(value: unknown): unknown {
  if (value === null || typeof value !== 'object')
    return typeof value === 'bigint' ? value.toString() : value;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('hex');
  if (Array.isArray(value)) return normaliseArray(value);
  if (hasToJson(value)) {
    const json = value.toJSON();
    const normal = normalise(json);
    // JSON.stringify calls toJSON once: what it gives is written as it is, its own toJSON ignored.
    return normal === json && !hasToJson(json) ? value : normal;
  }
  return normaliseObject(value as Record<string, unknown>);
}

const hasToJson = (value: unknown): value is { toJSON(): unknown } =>
  typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';

function normaliseArray(value: readonly unknown[]): readonly unknown[] {
  let out: unknown[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    // Written as null either way; mapped so that a copy's length stays the array's.
    const normal = v === undefined ? null : normalise(v);
    if (out === undefined && normal !== v && v !== undefined) out = value.slice(0, i);
    out?.push(normal);
  }
  return out ?? value;
}

function normaliseObject(value: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(value);
  let sorted = true;
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      sorted = false;
      break;
    }
  }
  if (!sorted) keys.sort();
  // Copied from the first member that differs (or at once, when the keys were out of order). An
  // undefined member needs no copy: JSON.stringify drops it as a copy would.
  let out: Record<string, unknown> | undefined = sorted ? undefined : {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const v = value[key];
    const normal = v === undefined ? undefined : normalise(v);
    if (out === undefined && normal !== v) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j] as string] = value[keys[j] as string];
    }
    if (out !== undefined && v !== undefined) out[key] = normal;
  }
  return out ?? value;
}
