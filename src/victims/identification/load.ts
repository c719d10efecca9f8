import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { repoPath } from '../../platform/paths.ts';
import { buildSet, type Definitions } from './build-set.ts';
import {
  nationalFileSchema,
  nonPunishmentFileSchema,
  type RuleEntry,
  setFileSchema,
  sourcesFileSchema,
} from './data-schema.ts';
import { IdentificationDataError, shown } from './errors.ts';
import { applyNational, type Raw } from './national.ts';
import type { Catalog, Cite, IndicatorSet, Source } from './types.ts';

// Reads data/identification/ and, when the node has one, its national file (JARING_IDENTIFICATION_SET),
// and checks every cross-reference. A bad file stops with an error naming the file and the entry.

export const IDENTIFICATION_DIR = repoPath('data', 'identification');
export const SET_FILES = [
  'ilo-forced-labour-2012.json',
  'ilo-ec-delphi-2009.json',
  'forced-criminality-2023.json',
];

export { IdentificationDataError };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new IdentificationDataError(`${shown(file)}: cannot be read (${messageOf(error)})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new IdentificationDataError(`${shown(file)}: not valid JSON (${messageOf(error)})`);
  }
}

function parse<S extends z.ZodType>(schema: S, file: string): z.infer<S> {
  const result = schema.safeParse(readJson(file));
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
  throw new IdentificationDataError(`${shown(file)}: ${issues.join('; ')}`);
}

function define<T>(
  into: Map<string, T & { file: string }>,
  what: string,
  entries: Record<string, T>,
  file: string,
) {
  for (const [id, value] of Object.entries(entries)) {
    const earlier = into.get(id);
    if (earlier) {
      throw new IdentificationDataError(
        `${shown(file)}: ${what} "${id}" is already defined in ${shown(earlier.file)}; use a new id`,
      );
    }
    into.set(id, { ...value, file });
  }
}

function addSources(into: Map<string, Source & { file: string }>, sources: Source[], file: string) {
  define(into, 'source', Object.fromEntries(sources.map((s) => [s.id, s])), file);
}

function checkCites(cites: readonly Cite[], sources: ReadonlyMap<string, Source>, where: string) {
  for (const [i, cite] of cites.entries()) {
    if (!sources.has(cite.source)) {
      throw new IdentificationDataError(
        `${where}.cites.${i}: unknown source "${cite.source}" (not in sources)`,
      );
    }
  }
}

/** Every definition's citations must name a known source, whether or not a set uses it. */
function checkDefinitions(defs: Definitions, sources: ReadonlyMap<string, Source>) {
  for (const [id, rule] of defs.rules) checkCites(rule.cites, sources, `${shown(rule.file)}: rules.${id}`);
  for (const [id, entry] of defs.catalogue) {
    checkCites(entry.cites, sources, `${shown(entry.file)}: catalogue.${id}`);
  }
}

export type LoadOptions = { dir?: string; nationalFile?: string | undefined };

export function loadIdentificationCatalog(options: LoadOptions = {}): Catalog {
  const dir = options.dir ?? IDENTIFICATION_DIR;
  const at = (name: string) => `${dir}/${name}`;
  const sources = new Map<string, Source & { file: string }>();
  addSources(sources, parse(sourcesFileSchema, at('sources.json')).sources, at('sources.json'));

  const defs: Definitions = { rules: new Map(), dimensions: new Map(), catalogue: new Map() };
  const raws = new Map<string, Raw>();
  for (const name of SET_FILES) {
    const file = at(name);
    const parsed = parse(setFileSchema, file);
    define<RuleEntry>(defs.rules, 'rule', parsed.rules, file);
    define(defs.dimensions, 'dimension', parsed.dimensions, file);
    define(defs.catalogue, 'catalogue entry', parsed.catalogue, file);
    for (const entry of parsed.sets) {
      const earlier = raws.get(entry.id);
      if (earlier) {
        throw new IdentificationDataError(
          `${shown(file)}: set "${entry.id}" is already defined in ${shown(earlier.file)}`,
        );
      }
      if (entry.replaces)
        throw new IdentificationDataError(`${shown(file)}: "replaces" is for national files only`);
      raws.set(entry.id, { entry, file, origin: 'bundled', suffix: '' });
    }
  }

  let national: Catalog['national'];
  if (options.nationalFile) {
    const file = options.nationalFile;
    const parsed = parse(nationalFileSchema, file);
    addSources(sources, parsed.sources, file);
    define<RuleEntry>(defs.rules, 'rule', parsed.rules, file);
    define(defs.dimensions, 'dimension', parsed.dimensions, file);
    define(defs.catalogue, 'catalogue entry', parsed.catalogue, file);
    applyNational(parsed, file, raws);
    national = { id: parsed.id, version: parsed.version, country: parsed.country, file };
  }

  checkDefinitions(defs, sources);
  const sets = new Map<string, IndicatorSet>();
  for (const raw of raws.values()) {
    const set = buildSet(raw.entry, defs, `${shown(raw.file)}: set ${raw.entry.id}`, raw.origin);
    checkCites(set.cites, sources, `${shown(raw.file)}: set ${set.id}`);
    for (const outcome of set.outcomes) {
      checkCites(outcome.cites, sources, `${shown(raw.file)}: set ${set.id} outcome ${outcome.id}`);
    }
    sets.set(set.id, { ...set, version: `${set.version}${raw.suffix}` });
  }

  const np = parse(nonPunishmentFileSchema, at('non-punishment.json'));
  checkCites(np.reference.cites, sources, `${shown(at('non-punishment.json'))}: reference`);
  return {
    sources,
    sets,
    nonPunishment: { ...np.reference, names: np.names, labels: np.labels, explanation: np.explanation },
    national,
  };
}
