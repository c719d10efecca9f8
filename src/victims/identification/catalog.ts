import type { Config } from '../../platform/config.ts';
import { loadIdentificationCatalog } from './load.ts';
import type { Catalog } from './types.ts';

// The node's catalog: the bundled sets with its national file (JARING_IDENTIFICATION_SET) applied.
// Loaded once per process and file; the files change only with a release or a restart.
const loaded = new Map<string, Catalog>();

export function nodeCatalog(config: Pick<Config, 'identificationSetFile'>): Catalog {
  const key = config.identificationSetFile ?? '';
  let catalog = loaded.get(key);
  if (!catalog) {
    catalog = loadIdentificationCatalog({ nationalFile: config.identificationSetFile });
    loaded.set(key, catalog);
  }
  return catalog;
}
