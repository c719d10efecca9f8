import type { PhraseHit } from './automaton.ts';
import type { Place } from './data.ts';
import type { LexiconHit } from './lexicon.ts';

export type PlaceMatch = { start: number; end: number; place: Place };

/** Place hits minus those inside a longer phrase that means something else (美索不达米亚 ≠ 美索). */
export function placeMatches(hits: ReadonlyArray<PhraseHit<LexiconHit>>): PlaceMatch[] {
  // Sorted by start (exclusions first, longer first), one pass: a hit is dropped when an exclusion
  // or a longer alias of the same place that started no later ends no earlier.
  const sorted = [...hits].sort(
    (a, b) => a.start - b.start || rank(a.value) - rank(b.value) || b.end - a.end,
  );
  const excludedUntil = new Map<string, number>();
  const coveredUntil = new Map<string, number>();
  const out: PlaceMatch[] = [];
  for (const h of sorted) {
    const v = h.value;
    if (v.type === 'not-place') {
      excludedUntil.set(v.placeId, Math.max(excludedUntil.get(v.placeId) ?? -1, h.end));
      continue;
    }
    if (v.type !== 'place') continue;
    const id = v.place.id;
    if ((excludedUntil.get(id) ?? -1) >= h.end || (coveredUntil.get(id) ?? -1) >= h.end) continue;
    coveredUntil.set(id, h.end);
    out.push({ start: h.start, end: h.end, place: v.place });
  }
  return out;
}

function rank(v: LexiconHit): number {
  return v.type === 'not-place' ? 0 : 1;
}

export function placeDetails(place: Place): Record<string, string | number | boolean> {
  const details: Record<string, string | number | boolean> = {
    placeId: place.id,
    name: place.name,
    country: place.country,
    specificity: place.specificity,
  };
  if (place.lat !== undefined && place.lon !== undefined) {
    details.lat = place.lat;
    details.lon = place.lon;
  }
  return details;
}
