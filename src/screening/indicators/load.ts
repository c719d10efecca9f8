import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoPath } from '../../platform/paths.ts';
import type { IndicatorCategory, Lang } from '../types.ts';
import { describe, LexiconError, readJson } from './files.ts';
import { JOB_CONTEXT_FILE, type JobContextRules, parseJobContextRules } from './job-context.ts';
import { LICENSED_FILE, type LicensedRules, parseLicensedRules } from './licensed.ts';
import { NEGATION_FILE, type NegationRules, parseNegationRules } from './negation.ts';
import { loadReasons, type ReasonBook } from './reasons.ts';
import { unsafeRegexReason } from './safe-regex.ts';
import { parseSalaryRules, SALARY_RULES_FILE, type SalaryRules } from './salary.ts';
import { indicatorSchema, lexiconFileSchema, type Source, sourcesFileSchema } from './schema.ts';
import { phraseStream } from './stream.ts';
import { parseSupportingRules, SUPPORTING_FILE, type SupportingRules } from './supporting.ts';

/** One indicator of one language, validated. */
export type LexiconEntry = {
  lang: Lang;
  id: string;
  category: IndicatorCategory;
  weight: number;
  phrases: string[];
  regexes: string[];
  /** phrases inside which this indicator's matches do not count */
  exceptions: string[];
  sources: string[];
};

export type Lexicon = {
  entries: LexiconEntry[];
  /** red flags read from a post's amounts (salary-tiers.json) */
  salary: SalaryRules;
  /** red flags a post can deny ("we never keep your passport"), and the cues that deny them */
  negation: NegationRules;
  /** red flags that count only in a post about work (a country named, violence), and what says so */
  jobContext: JobContextRules;
  /** lures a licensed recruiter's ad carries too, and the licence cues that excuse them */
  licensed: LicensedRules;
  /** red flags that add evidence only beside another red flag */
  supporting: SupportingRules;
  versions: Partial<Record<Lang, { version: number; updated: string }>>;
  sources: Map<string, Source>;
  /** id → English reason sentence */
  reasons: ReadonlyMap<string, string>;
  /** the reasons in every reader language (English included), chosen when results are presented */
  reasonsByLang: ReasonBook;
};

export { LexiconError };

export const INDICATORS_DIR = repoPath('data', 'indicators');

/**
 * Where the node's lexicons are: JARING_LEXICON_DIR (a node's own copy of data/indicators, with its
 * national phrases), else the bundled data/indicators. Read when they are loaded, so screening
 * workers load the same folder as the process that started them.
 */
export function lexiconDir(): string {
  const own = process.env.JARING_LEXICON_DIR;
  return own ? resolve(own) : INDICATORS_DIR;
}

/** Parses one language file's content; `file` is used in error messages. */
export function parseLexiconFile(
  file: string,
  raw: unknown,
  expectedLang?: string,
): {
  lang: Lang;
  version: number;
  updated: string;
  entries: LexiconEntry[];
} {
  const head = lexiconFileSchema.safeParse(raw);
  if (!head.success) throw new LexiconError(`${file}: ${describe(head.error)}`);
  const { lang, version, updated } = head.data;
  if (expectedLang !== undefined && lang !== expectedLang) {
    throw new LexiconError(`${file}: "lang" is ${lang} but the file is named for ${expectedLang}`);
  }
  const seen = new Set<string>();
  const entries: LexiconEntry[] = head.data.indicators.map((item, index) => {
    const rawId = typeof item === 'object' && item !== null && 'id' in item ? String(item.id) : `#${index}`;
    const where = `${file}: indicator ${rawId}`;
    const parsed = indicatorSchema.safeParse(item);
    if (!parsed.success) throw new LexiconError(`${where}: ${describe(parsed.error)}`);
    const entry = parsed.data;
    if (seen.has(entry.id)) throw new LexiconError(`${where}: duplicate id in this language`);
    seen.add(entry.id);
    const phrases: string[] = [];
    const regexes: string[] = [];
    const normalised = new Map<string, string>();
    for (const pattern of entry.patterns) {
      if (typeof pattern === 'string') {
        const key = phraseStream(pattern);
        if (key.length === 0)
          throw new LexiconError(`${where}: phrase "${pattern}" has no letters or digits`);
        const twin = normalised.get(key);
        if (twin !== undefined) {
          throw new LexiconError(`${where}: phrases "${twin}" and "${pattern}" are the same once normalised`);
        }
        normalised.set(key, pattern);
        phrases.push(pattern);
      } else {
        const why = unsafeRegexReason(pattern.regex);
        if (why) throw new LexiconError(`${where}: regex /${pattern.regex}/ refused: ${why}`);
        regexes.push(pattern.regex);
      }
    }
    const exceptions = entry.except ?? [];
    for (const phrase of exceptions) {
      if (phraseStream(phrase).length === 0)
        throw new LexiconError(`${where}: exception "${phrase}" has no letters or digits`);
    }
    return {
      lang,
      id: entry.id,
      category: entry.category,
      weight: entry.weight,
      phrases,
      regexes,
      exceptions,
      sources: entry.sources,
    };
  });
  return { lang, version, updated, entries };
}

/**
 * Checks what spans files: an id means the same category in every language, every source exists,
 * every indicator and salary rule has an English reason, and no rule reuses an indicator's id.
 */
export function checkLexicon(lexicon: Lexicon): void {
  const categories = new Map<string, { category: IndicatorCategory; lang: Lang }>();
  for (const entry of lexicon.entries) {
    const where = `data/indicators/${entry.lang}.json: indicator ${entry.id}`;
    const first = categories.get(entry.id);
    if (first && first.category !== entry.category) {
      throw new LexiconError(
        `${where}: category ${entry.category} differs from ${first.category} in ${first.lang}.json (an id must mean the same everywhere)`,
      );
    }
    if (!first) categories.set(entry.id, { category: entry.category, lang: entry.lang });
    checkCited(lexicon, where, entry);
  }
  for (const rule of lexicon.salary.rules) {
    const where = `data/indicators/${SALARY_RULES_FILE}: rule ${rule.id}`;
    if (categories.has(rule.id)) throw new LexiconError(`${where}: the id is also a lexicon indicator`);
    checkCited(lexicon, where, rule);
  }
  for (const [file, ids] of [
    [NEGATION_FILE, lexicon.negation.indicators],
    [JOB_CONTEXT_FILE, lexicon.jobContext.indicators],
    [JOB_CONTEXT_FILE, [...lexicon.jobContext.home.keys()]],
    [SALARY_RULES_FILE, lexicon.salary.waivedBy],
    [SALARY_RULES_FILE, lexicon.salary.qualifiedOut],
    [SALARY_RULES_FILE, lexicon.salary.ordinaryPay.indicators],
    [SUPPORTING_FILE, lexicon.supporting.indicators],
  ] as const) {
    for (const id of ids) {
      if (!categories.has(id))
        throw new LexiconError(`data/indicators/${file}: "${id}" is not an indicator of any lexicon`);
    }
  }
  const salaryIds = new Set(lexicon.salary.rules.map((r) => r.id));
  for (const id of lexicon.licensed.indicators) {
    if (!categories.has(id) && !salaryIds.has(id))
      throw new LexiconError(
        `data/indicators/${LICENSED_FILE}: "${id}" is neither an indicator of any lexicon nor a salary rule`,
      );
  }
  for (const [file, sources] of [
    [LICENSED_FILE, lexicon.licensed.sources],
    [SUPPORTING_FILE, lexicon.supporting.sources],
  ] as const) {
    for (const source of sources) {
      if (!lexicon.sources.has(source))
        throw new LexiconError(`data/indicators/${file}: unknown source "${source}" (not in sources.json)`);
    }
  }
}

/** Every source of an indicator or rule is in sources.json, and its id has an English reason. */
function checkCited(
  lexicon: Lexicon,
  where: string,
  cited: { id: string; sources: readonly string[] },
): void {
  for (const source of cited.sources) {
    if (!lexicon.sources.has(source))
      throw new LexiconError(`${where}: unknown source "${source}" (not in sources.json)`);
  }
  if (!lexicon.reasons.has(cited.id))
    throw new LexiconError(`${where}: no English reason in reasons.en.json`);
}

/** Reads and validates every lexicon file of a folder (default: data/indicators). */
export function loadLexicon(dir: string = lexiconDir()): Lexicon {
  const sourcesFile = join(dir, 'sources.json');
  const sourcesParsed = sourcesFileSchema.safeParse(readJson(sourcesFile));
  if (!sourcesParsed.success) throw new LexiconError(`${sourcesFile}: ${describe(sourcesParsed.error)}`);
  const sources = new Map<string, Source>();
  for (const source of sourcesParsed.data.sources) {
    if (sources.has(source.id)) throw new LexiconError(`${sourcesFile}: duplicate source id ${source.id}`);
    sources.set(source.id, source);
  }

  const { english: reasons, book: reasonsByLang } = loadReasons(dir);

  const rulesFile = join(dir, SALARY_RULES_FILE);
  const salary = parseSalaryRules(rulesFile, readJson(rulesFile));
  const negationFile = join(dir, NEGATION_FILE);
  const negation = parseNegationRules(negationFile, readJson(negationFile));
  const jobContextFile = join(dir, JOB_CONTEXT_FILE);
  const jobContext = parseJobContextRules(jobContextFile, readJson(jobContextFile));
  const licensedFile = join(dir, LICENSED_FILE);
  const licensed = parseLicensedRules(licensedFile, readJson(licensedFile));
  const supportingFile = join(dir, SUPPORTING_FILE);
  const supporting = parseSupportingRules(supportingFile, readJson(supportingFile));
  const lexicon: Lexicon = {
    entries: [],
    salary,
    negation,
    jobContext,
    licensed,
    supporting,
    versions: {},
    sources,
    reasons,
    reasonsByLang,
  };
  const files = readdirSync(dir)
    .filter((name) => /^[a-z]{2,3}\.json$/.test(name))
    .sort();
  for (const name of files) {
    const file = join(dir, name);
    const parsed = parseLexiconFile(file, readJson(file), name.slice(0, -'.json'.length));
    lexicon.versions[parsed.lang] = { version: parsed.version, updated: parsed.updated };
    lexicon.entries.push(...parsed.entries);
  }
  if (lexicon.entries.length === 0) throw new LexiconError(`${dir}: no lexicon files (<lang>.json)`);
  checkLexicon(lexicon);
  return lexicon;
}
