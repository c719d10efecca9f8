import type { NationalFile, SetEntry } from './data-schema.ts';
import { IdentificationDataError, shown } from './errors.ts';

// A node's national file changes the bundled sets before they are built: it may add sets, replace
// one (saying so), patch one (indicators added or removed, a dimension's rule swapped, outcomes
// replaced), and enable or disable sets. Every changed set's version gets "+<id>.<version>".

export type Raw = { entry: SetEntry; file: string; origin: 'bundled' | 'national'; suffix: string };

export function applyNational(national: NationalFile, file: string, raws: Map<string, Raw>) {
  const suffix = `+${national.id}.${national.version}`;
  for (const entry of national.sets) {
    const bundled = raws.get(entry.id);
    if (bundled && !entry.replaces) {
      throw new IdentificationDataError(
        `${shown(file)}: set "${entry.id}" exists in ${shown(bundled.file)}; add "replaces": true to replace it`,
      );
    }
    if (!bundled && entry.replaces) {
      throw new IdentificationDataError(
        `${shown(file)}: set "${entry.id}" replaces a set that does not exist`,
      );
    }
    raws.set(entry.id, { entry, file, origin: 'national', suffix });
  }
  for (const [i, patch] of national.patches.entries()) {
    const where = `${shown(file)}: patches.${i}`;
    const raw = raws.get(patch.set);
    if (!raw) throw new IdentificationDataError(`${where}: unknown set "${patch.set}"`);
    if (raw.origin === 'national') {
      throw new IdentificationDataError(
        `${where}: set "${patch.set}" is defined in this file; change it there`,
      );
    }
    const ids = new Set(raw.entry.indicators.map((x) => x.id));
    for (const id of patch.removeIndicators ?? []) {
      if (!ids.has(id))
        throw new IdentificationDataError(`${where}.removeIndicators: unknown indicator "${id}"`);
    }
    const removed = new Set(patch.removeIndicators ?? []);
    const dimensionRules = patch.dimensionRules ?? {};
    for (const dimension of Object.keys(dimensionRules)) {
      if (!raw.entry.dimensions.some((d) => d.id === dimension)) {
        throw new IdentificationDataError(`${where}.dimensionRules: unknown dimension "${dimension}"`);
      }
    }
    const entry: SetEntry = {
      ...raw.entry,
      dimensions: raw.entry.dimensions.map((d) => ({ id: d.id, rule: dimensionRules[d.id] ?? d.rule })),
      indicators: [...raw.entry.indicators.filter((x) => !removed.has(x.id)), ...(patch.addIndicators ?? [])],
      outcomes: patch.outcomes ?? raw.entry.outcomes,
    };
    raws.set(patch.set, { entry, file: raw.file, origin: 'bundled', suffix });
  }
  for (const [list, enabled] of [
    [national.enable, true],
    [national.disable, false],
  ] as const) {
    for (const id of list) {
      const raw = raws.get(id);
      if (!raw)
        throw new IdentificationDataError(
          `${shown(file)}: cannot ${enabled ? 'enable' : 'disable'} unknown set "${id}"`,
        );
      raws.set(id, { ...raw, entry: { ...raw.entry, enabled } });
    }
  }
}
