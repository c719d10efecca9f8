import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { repoPath } from '../../platform/paths.ts';

// Loaders for the identifier extractors' data files. Each file is validated when first used;
// a bad file fails loudly with the file, the entry and the field at fault.

const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "KH"');
const words = z.array(z.string().trim().min(1, 'must not be empty')).min(1, 'must list at least one entry');

const source = z.strictObject({
  title: z.string().min(1),
  publisher: z.string().min(1),
  year: z.number().int().min(1990).max(2100),
  url: z.url(),
});

const place = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be a lower-case slug'),
  name: z.string().min(1),
  country,
  kind: z.enum(['city', 'province', 'district', 'region', 'zone', 'compound', 'border-crossing']),
  specificity: z.enum(['high', 'low']),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  aliases: z.partialRecord(z.enum(['en', 'vi', 'th', 'km', 'lo', 'my', 'zh', 'id', 'ms', 'fil']), words),
  exclude: words.optional(),
  sources: words,
});

const hotspotsFile = z.strictObject({
  version: z.literal(1),
  description: z.string(),
  sources: z.record(z.string(), source),
  places: z.array(place).min(1),
});

const bank = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be a lower-case slug'),
  name: z.string().min(1),
  country,
  type: z.enum(['bank', 'ewallet']),
  aliases: words,
  weakAliases: words.optional(),
});

const banksFile = z.strictObject({
  version: z.literal(1),
  description: z.string(),
  source: z.string().min(1),
  accountLabels: words,
  banks: z.array(bank).min(1),
});

const platform = z.enum(['telegram', 'whatsapp', 'line', 'zalo', 'wechat', 'signal', 'facebook', 'tiktok']);

/** A public page a label was seen on, and which of the file's labels it attests. */
const attestation = z.strictObject({
  url: z.url(),
  note: z.string().min(1).optional(),
  labels: words,
});

const chatAppsFile = z.strictObject({
  version: z.literal(2),
  description: z.string(),
  source: z.string().min(1),
  platforms: z.record(platform, z.strictObject({ labels: words, strongLabels: words })),
  attestations: z.array(attestation),
});

const codeLabelsFile = z.strictObject({
  version: z.literal(1),
  description: z.string(),
  source: z.string().min(1),
  /** words that may stand between a label and its number ("Mã OTP là 22085377") */
  connectors: words,
  labels: z.partialRecord(z.enum(['en', 'vi', 'id', 'ms', 'fil', 'th', 'km', 'lo', 'my', 'zh']), words),
});

const period = z.enum(['hour', 'day', 'week', 'month', 'year']);
const currency = z.string().regex(/^[A-Z]{3,4}$/, 'must be an ISO 4217 code such as "THB"');

const moneyFile = z.strictObject({
  version: z.literal(2),
  description: z.string(),
  source: z.string().min(1),
  currencies: z.record(currency, z.strictObject({ before: words, after: words })),
  diacriticsRequired: z.array(z.string().min(1)),
  multipliers: z.record(z.string().min(1), z.number().positive()),
  multiplierCurrency: z.record(z.string().min(1), currency),
  multiplierNeedsCurrency: z.array(z.string().min(1)),
  /** multipliers read only after a salary word ("月薪1.5W": w is 万 there, a watt in "20W快充") */
  multiplierNeedsSalaryWord: z.array(z.string().min(1)).default([]),
  /** multipliers whose currency is only a guess: 万 is yuan, NT$, HK$ or ringgit by where the post is from */
  multiplierCurrencyGuessed: z.array(z.string().min(1)),
  periods: z.record(period, words),
  periodConnectors: words,
  periodNeedsConnector: z.array(z.string().min(1)),
  salaryWords: z.partialRecord(period, words),
  periodPhrases: z.partialRecord(period, words),
  regionCurrency: z.record(country, currency),
  /** countries whose posts mean US$ by a bare "$" (elsewhere it may be HK$, NT$, S$ …: a guess) */
  dollarSignUsdRegions: z.array(country),
  /** words before an amount that is not pay: a price, a rent, an instalment, a company's revenue */
  notPayWords: words,
});

const ratesFile = z.strictObject({
  asOf: z.iso.date(),
  source: z.string().min(1),
  note: z.string().min(1),
  rates: z.record(currency, z.number().positive('must be a positive number of units per US dollar')),
});

export type Place = z.infer<typeof place>;
export type HotspotsFile = z.infer<typeof hotspotsFile>;
export type Bank = z.infer<typeof bank>;
export type BanksFile = z.infer<typeof banksFile>;
export type ChatPlatform = z.infer<typeof platform>;
export type ChatAppsFile = z.infer<typeof chatAppsFile>;
export type CodeLabelsFile = z.infer<typeof codeLabelsFile>;
export type Period = z.infer<typeof period>;
export type MoneyFile = z.infer<typeof moneyFile>;
export type RatesFile = z.infer<typeof ratesFile>;

export class DataFileError extends Error {
  override readonly name = 'DataFileError';
}

/** Validates parsed JSON; the error names the file, the entry (by index and id) and the field. */
function validate<T>(schema: z.ZodType<T>, json: unknown, file: string): T {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const lines = result.error.issues
    .slice(0, 5)
    .map((issue) => `  ${describePath(json, issue.path)}: ${issue.message}`);
  throw new DataFileError(`${file} is invalid:\n${lines.join('\n')}`);
}

function describePath(json: unknown, path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  let node: unknown = json;
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const id = idOf(node);
      if (id) out += ` (id "${id}")`;
    } else {
      out += out ? `.${String(key)}` : String(key);
      node = isRecord(node) ? node[String(key)] : undefined;
    }
  }
  return out || '(file)';
}

function idOf(node: unknown): string | undefined {
  return isRecord(node) && typeof node.id === 'string' ? node.id : undefined;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function fail(file: string, message: string): never {
  throw new DataFileError(`${file} is invalid:\n  ${message}`);
}

export function parseHotspots(json: unknown, file = 'data/gazetteer/hotspots.json'): HotspotsFile {
  const data = validate(hotspotsFile, json, file);
  const ids = new Set<string>();
  data.places.forEach((p, i) => {
    const where = `places[${i}] (id "${p.id}")`;
    if (ids.has(p.id)) fail(file, `${where}: duplicate id`);
    ids.add(p.id);
    for (const s of p.sources) if (!data.sources[s]) fail(file, `${where}.sources: unknown source "${s}"`);
    if ((p.lat === undefined) !== (p.lon === undefined))
      fail(file, `${where}: give both lat and lon, or neither`);
    if (Object.keys(p.aliases).length === 0) fail(file, `${where}.aliases: must list at least one language`);
  });
  return data;
}

export function parseBanks(json: unknown, file = 'data/gazetteer/banks.json'): BanksFile {
  const data = validate(banksFile, json, file);
  const ids = new Set<string>();
  data.banks.forEach((b, i) => {
    const where = `banks[${i}] (id "${b.id}")`;
    if (ids.has(b.id)) fail(file, `${where}: duplicate id`);
    ids.add(b.id);
    for (const w of b.weakAliases ?? []) {
      if (!b.aliases.includes(w)) fail(file, `${where}.weakAliases: "${w}" is not one of its aliases`);
    }
  });
  return data;
}

export function parseChatApps(json: unknown, file = 'data/gazetteer/chat-apps.json'): ChatAppsFile {
  const data = validate(chatAppsFile, json, file);
  const known = new Set(Object.values(data.platforms).flatMap((p) => [...p.labels, ...p.strongLabels]));
  data.attestations.forEach((a, i) => {
    for (const label of a.labels)
      if (!known.has(label))
        fail(file, `attestations[${i}].labels: "${label}" is not a label of any platform`);
  });
  return data;
}

export function parseCodeLabels(json: unknown, file = 'data/gazetteer/code-labels.json'): CodeLabelsFile {
  return validate(codeLabelsFile, json, file);
}

export function parseMoney(json: unknown, file = 'data/gazetteer/money.json'): MoneyFile {
  const data = validate(moneyFile, json, file);
  for (const [word, cur] of Object.entries(data.multiplierCurrency)) {
    if (data.multipliers[word] === undefined) fail(file, `multiplierCurrency.${word}: not a multiplier`);
    if (!data.currencies[cur]) fail(file, `multiplierCurrency.${word}: unknown currency ${cur}`);
  }
  for (const [region, cur] of Object.entries(data.regionCurrency)) {
    if (!data.currencies[cur]) fail(file, `regionCurrency.${region}: unknown currency ${cur}`);
  }
  return data;
}

export function parseRates(json: unknown, file = 'data/rates/usd-rates.json'): RatesFile {
  const data = validate(ratesFile, json, file);
  if (data.rates.USD !== 1) fail(file, 'rates.USD: must be 1 (rates are units per US dollar)');
  return data;
}

function readJson(...parts: string[]): unknown {
  const file = repoPath(...parts);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new DataFileError(
      `${parts.join('/')}: cannot read JSON (${err instanceof Error ? err.message : String(err)})`,
    );
  }
}

function once<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= load();
    return value;
  };
}

export const hotspots = once(() => parseHotspots(readJson('data', 'gazetteer', 'hotspots.json')));
export const banks = once(() => parseBanks(readJson('data', 'gazetteer', 'banks.json')));
export const chatApps = once(() => parseChatApps(readJson('data', 'gazetteer', 'chat-apps.json')));
export const codeLabels = once(() => parseCodeLabels(readJson('data', 'gazetteer', 'code-labels.json')));
export const moneyWords = once(() => parseMoney(readJson('data', 'gazetteer', 'money.json')));
export const usdRates = once(() => parseRates(readJson('data', 'rates', 'usd-rates.json')));
