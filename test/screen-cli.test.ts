import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoPath } from '../src/platform/paths.ts';
import { runCli } from './helpers/cli.ts';

// `jaring screen` and `jaring screen eval` exactly as the issue specifies their input and output.
const dir = mkdtempSync(join(tmpdir(), 'jaring-screen-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lines(output: string): unknown[] {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
}

describe('jaring screen', () => {
  it('writes one result per input line, in order, and an error object for a bad line', async () => {
    const file = join(dir, 'posts.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({
          id: 'p1',
          text: 'Việc nhẹ lương cao tại Campuchia, bao vé máy bay, liên hệ Telegram @kk_jobs88',
          country: 'VN',
        }),
        '{"id": "p2", "text": ',
        JSON.stringify({ id: 'p3', text: '' }),
        '\u0000\u0001binary',
        JSON.stringify({
          id: 'p5',
          text: 'Hiring a nurse for our clinic in Cebu. Apply at careers@example.ph',
          country: 'PH',
        }),
        JSON.stringify({ id: 'p6', text: 'a'.repeat(10_000) }),
      ].join('\n'),
    );
    const { code, output } = await runCli(['screen', '--workers', '2', file], {});
    expect(code, output).toBe(0);
    const results = lines(output) as Array<Record<string, unknown>>;
    // Unparseable lines are named by their line number.
    expect(results.map((r) => r.id)).toEqual(['p1', '2', 'p3', '4', 'p5', 'p6']);
    const [first, second, third, fourth, fifth] = results;
    expect(first).toMatchObject({ level: 'high', lang: 'vi', model: { name: expect.any(String) } });
    expect(first?.identifiers).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'telegram', normalized: 'kk_jobs88' })]),
    );
    for (const bad of [second, third, fourth])
      expect(bad).toEqual({ id: expect.any(String), error: expect.any(String) });
    expect(fifth).toMatchObject({ id: 'p5', level: expect.stringMatching(/low|medium/) });
    expect(output).toMatch(/screened 6 posts .* errors 3/);
  });

  it('reads a CRLF file with a byte-order mark, and refuses a line over 1 MB by its number', async () => {
    const file = join(dir, 'crlf.jsonl');
    const huge = JSON.stringify({ id: 'big', text: 'x'.repeat(3_500_000) });
    const rows = [
      JSON.stringify({ id: 'a', text: 'first' }),
      huge,
      JSON.stringify({ id: 'c', text: 'third' }),
    ];
    writeFileSync(file, `\uFEFF${rows.join('\r\n')}\r\n`);
    const { code, output } = await runCli(['screen', '--workers', '2', file], {});
    expect(code, output).toBe(0);
    const results = lines(output) as Array<Record<string, unknown>>;
    expect(results.map((r) => r.id)).toEqual(['a', '2', 'c']);
    expect(results[1]).toEqual({ id: '2', error: 'line 2 is over 1 MB' });
  });

  it('skips blank JSON Lines lines and still names a bad line by its own line number', async () => {
    const file = join(dir, 'blank-lines.jsonl');
    writeFileSync(file, ['', '{broken', '', JSON.stringify({ id: 'a', text: 'hello' }), ''].join('\n'));
    const { code, output } = await runCli(['screen', '--workers', '1', file], {});
    expect(code, output).toBe(0);
    const results = lines(output) as Array<Record<string, unknown>>;
    expect(results.map((r) => r.id)).toEqual(['2', 'a']);
    expect(String(results[0]?.error)).toMatch(/line 2/);
    expect(output).toMatch(/screened 2 posts in [\d.]+ s \(\d+\/s, 1 worker\)/);
  });

  it('reads plain text lines with --format text', async () => {
    const file = join(dir, 'posts.txt');
    writeFileSync(file, 'งานออนไลน์ รายได้สูง ไม่ต้องใช้ทักษะ ทำงานที่กัมพูชา\nordinary line\n');
    const { code, output } = await runCli(['screen', '--format', 'text', '--workers', '1', file], {});
    expect(code, output).toBe(0);
    const results = lines(output) as Array<Record<string, unknown>>;
    expect(results.map((r) => r.id)).toEqual(['1', '2']);
    expect(results[0]?.lang).toBe('th');
  });

  it('gives the reasons in the language of --reason-lang, and refuses a language it has none in', async () => {
    const file = join(dir, 'reason-lang.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({ id: 'p1', text: 'Việc nhẹ lương cao tại Campuchia, bao vé máy bay' })}\n`,
    );
    const reasonOf = (output: string) =>
      (lines(output)[0] as { indicators: Array<{ id: string; reason: string }> }).indicators.find(
        (i) => i.id === 'light_work_high_pay',
      )?.reason;
    const english = await runCli(['screen', '--workers', '1', file], {});
    expect(english.code, english.output).toBe(0);
    expect(reasonOf(english.output)).toMatch(/^Promises high pay/);
    const khmer = await runCli(['screen', '--workers', '1', '--reason-lang', 'km', file], {});
    expect(khmer.code, khmer.output).toBe(0);
    expect(reasonOf(khmer.output)).toMatch(/^សន្យាផ្ដល់ប្រាក់ខែខ្ពស់/);
    // same result otherwise
    const strip = (output: string) => ({
      ...(lines(output)[0] as object),
      indicators: (lines(output)[0] as { indicators: object[] }).indicators.map((i) => ({
        ...i,
        reason: '',
      })),
    });
    expect(strip(khmer.output)).toEqual(strip(english.output));

    const bad = await runCli(['screen', '--reason-lang', 'fr', file], {});
    expect(bad.code).not.toBe(0);
    expect(bad.output).toMatch(/--reason-lang.*must be one of en, th, vi/);
  });

  it('eval prints exactly one JSON object with the metrics', async () => {
    const file = join(dir, 'labelled.jsonl');
    const rows = [
      {
        text: 'Tuyển CTV đánh máy tại Campuchia, việc nhẹ lương cao, bao vé máy bay, liên hệ Telegram @abc_jobs1',
        label: 1,
      },
      {
        text: 'Lowongan kerja di Kamboja, gaji tinggi 1500 USD, tanpa pengalaman, tiket pesawat gratis, hubungi Telegram',
        label: 1,
      },
      { text: 'Our bakery in Penang is hiring a cashier. Walk in with your IC.', label: 0 },
      { text: 'Meeting moved to 3pm tomorrow, see you at the office.', label: 0 },
    ];
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    const { code, output } = await runCli(['screen', 'eval', '--data', file], {});
    expect(code, output).toBe(0);
    const objects = lines(output);
    expect(objects).toHaveLength(1);
    expect(objects[0]).toEqual({
      n: 4,
      positives: 2,
      precision: expect.any(Number),
      recall: expect.any(Number),
      f1: expect.any(Number),
      rocAuc: expect.any(Number),
      prAuc: expect.any(Number),
      threshold: expect.any(Number),
    });
  });
});

describe('jaring screen, given bad fields', () => {
  it('answers a line with a missing text, a date that is not one, or a language name with {id, error}', async () => {
    const file = join(dir, 'fields.jsonl');
    const rows = [
      { id: 'no-text' },
      { id: 'when', text: 'a post', postedAt: 'last Monday' },
      { id: 'lang', text: 'a post', lang: 'Vietnamese' },
      { id: 'fine', text: 'a post', postedAt: '2026-11-01T10:00:00Z', lang: 'vi' },
    ];
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    const { code, output } = await runCli(['screen', file], {});
    expect(code, output).toBe(0);
    expect(lines(output)).toEqual([
      { id: 'no-text', error: 'line 1: text is missing' },
      {
        id: 'when',
        error: 'line 2: postedAt must be an ISO 8601 date and time, such as 2026-11-01T10:00:00+07:00',
      },
      { id: 'lang', error: 'line 3: lang must be a language code such as vi or fil' },
      expect.objectContaining({ id: 'fine', level: 'low', lang: 'vi' }),
    ]);
  });
});

describe('jaring screen and its eval, given a wrong file', () => {
  // One line that names the file, the line and the field; no stack trace, nothing on stdout.
  const refused = async (args: string[], message: string) => {
    const { code, output } = await runCli(args, {});
    expect(code, output).toBe(1);
    expect(output.trim()).toBe(`jaring: ${message}`);
  };

  it('names a missing file, a directory, and a file without rows', async () => {
    const labelled = join(dir, 'ok.jsonl');
    writeFileSync(labelled, `${JSON.stringify({ text: 'a post', label: 0 })}\n`);
    const missing = join(dir, 'missing.jsonl');
    await refused(['screen', labelled, missing], `cannot read ${missing}: no such file or directory`);
    await refused(['screen', dir], `cannot read ${dir}: it is a directory`);
    await refused(['screen', 'eval', '--data', missing], `dataset not found: ${missing}`);
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '\n\n');
    await refused(['screen', 'eval', '--data', empty], `${empty} holds no labelled rows`);
  });

  it('names the line and the field of a bad labelled row', async () => {
    const file = join(dir, 'bad-rows.jsonl');
    const write = (rows: string[]) => writeFileSync(file, `${rows.join('\n')}\n`);
    const ok = JSON.stringify({ text: 'a post', label: 1 });
    write([ok, JSON.stringify({ text: 'b', label: '1' })]);
    await refused(['screen', 'eval', '--data', file], `${file}:2: label must be the number 0 or 1`);
    write([ok, '', JSON.stringify({ label: 0 })]);
    await refused(['screen', 'eval', '--data', file], `${file}:3: text must be a string`);
    write(['{"text": "a", "label": 1', ok]);
    await refused(
      ['model', 'train', '--data', file, '--out', join(dir, 'm.json')],
      `${file}:1: not valid JSON`,
    );
    write(['[1, 2]']);
    await refused(
      ['model', 'eval', '--model', join(dir, 'm.json'), '--data', file],
      `${file}:1: must be a JSON object with "text" and "label"`,
    );
  });

  it('names a model file that is missing or not a model', async () => {
    const file = join(dir, 'one.jsonl');
    writeFileSync(file, `${JSON.stringify({ text: 'a post', label: 1 })}\n`);
    const missing = join(dir, 'no-model.json');
    await refused(
      ['screen', 'eval', '--data', file, '--model', missing],
      `The screening model ${missing} does not exist. Train one with \`jaring model train\`.`,
    );
    const notModel = join(dir, 'not-a-model.json');
    writeFileSync(notModel, '{"weights": []}');
    await refused(
      ['screen', 'eval', '--data', file, '--model', notModel],
      `${notModel} is not a Jaring linear model (format must be "jaring-linear")`,
    );
  });
});

describe('a node’s own lexicons (JARING_LEXICON_DIR)', () => {
  const own = join(dir, 'lexicons');
  const post = join(dir, 'national.jsonl');

  it('screens with a node’s own copy of the lexicons, in every worker', async () => {
    cpSync(repoPath('data', 'indicators'), own, { recursive: true });
    const en = JSON.parse(readFileSync(join(own, 'en.json'), 'utf8'));
    const lure = en.indicators.find((i: { id: string }) => i.id === 'light_work_high_pay');
    lure.patterns.push('sunrise desk hiring');
    writeFileSync(join(own, 'en.json'), JSON.stringify(en));
    writeFileSync(
      post,
      ['Sunrise desk hiring now', 'Sunrise desk hiring today']
        .map((text) => JSON.stringify({ text }))
        .join('\n'),
    );
    const { code, output } = await runCli(['screen', '--workers', '2', post], { JARING_LEXICON_DIR: own });
    expect(code, output).toBe(0);
    for (const result of lines(output) as Array<{ indicators: Array<{ id: string }> }>)
      expect(result.indicators.map((i) => i.id)).toContain('light_work_high_pay');
    const bundled = await runCli(['screen', post], {});
    for (const result of lines(bundled.output) as Array<{ indicators: Array<{ id: string }> }>)
      expect(result.indicators.map((i) => i.id)).not.toContain('light_work_high_pay');
  });

  it('refuses to start on a broken or missing lexicon, naming the file, and screens nothing', async () => {
    const bad = join(dir, 'bad-lexicons');
    cpSync(repoPath('data', 'indicators'), bad, { recursive: true });
    writeFileSync(join(bad, 'th.json'), '{"lang": "th",');
    writeFileSync(post, `${JSON.stringify({ text: 'Sunrise desk hiring now' })}\n`);
    const broken = await runCli(['screen', post], { JARING_LEXICON_DIR: bad });
    expect(broken.code).toBe(1);
    expect(broken.output).toContain(`jaring: ${join(bad, 'th.json')}: not valid JSON`);
    expect(lines(broken.output)).toEqual([]);
    const nowhere = join(dir, 'no-lexicons');
    const missing = await runCli(['screen', post], { JARING_LEXICON_DIR: nowhere });
    expect(missing.code).toBe(1);
    expect(missing.output).toContain(
      `jaring: ${join(nowhere, 'sources.json')}: cannot be read (no such file)`,
    );
    expect(lines(missing.output)).toEqual([]);
  });
});
