import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../src/platform/auth/roles.ts';
import { type JobSystem, startJobs } from '../src/platform/jobs/runner.ts';
import { createTestApp, type TestApp, type TestClient } from './helpers/app.ts';
import { OMIT, type Schema, sampleOf } from './helpers/schema-sample.ts';
import { fullPerson } from './helpers/victims.ts';

// Every route of the app, found from the app itself, given hostile path parameters, query strings
// and bodies by a user holding every role: each is answered on its merits (2xx or 4xx), never with
// a 5xx. Then every JSON body the OpenAPI document describes, filled to pass validation with
// hostile text in each free-text field, so the text reaches the services and the database. The job
// system runs, as on a serving node, so uploads and retraining are queued as they would be there.
// (Bad input route by route, with what each refusal says and that nothing is written:
// test/bad-input.test.ts and each module's route tests.)

const PARAMS = [
  "1' OR '1'='1",
  '<script>alert(1)</script>',
  '%ED%A0%80', // a lone surrogate, percent-encoded
  '%00',
  'a'.repeat(3000),
  '-1',
  '99999999999999999999',
  '..%2F..%2Fetc%2Fpasswd',
];
const QUERIES = [
  '?limit=-1&offset=abc&page=0',
  '?q=%ED%A0%80&status=%3Cscript%3E',
  `?q=${'x'.repeat(5000)}&limit=1e309`,
  '?from=2024-13-45&to=not-a-date&country=ZZZ&lang=%00',
  '?q=%27%3B%20drop%20table%20persons%3B--&sort=__proto__&limit=1&limit=2',
];
const BODIES = [
  '{',
  '[]',
  'null',
  '"x"',
  '{"a":1}',
  '{"__proto__":{"admin":true},"constructor":{"prototype":{}}}',
  '{"text":"\\ud800","name":"\\u0000"}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
];

let t: TestApp;
let jobs: JobSystem;
let client: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  jobs = await startJobs({
    url: t.database.url,
    db: t.deps.db,
    logger: pino({ level: 'silent' }),
    work: false,
    cipher: async () => t.deps.cipher,
  });
  client = await t.loginAs([...ROLES]);
});
afterAll(async () => {
  await jobs?.stop();
  await t?.close();
});

const PARAM = /:\w+(\{[^}]*\})?/g;

/** The requests tried on a route: each hostile value in every path parameter, then a random id. */
function requestsFor(method: string, pattern: string): Array<{ path: string; body?: string }> {
  // includes, not PARAM.test: a global RegExp's test() moves its lastIndex from call to call
  const hasParams = pattern.includes('/:');
  const paths = hasParams
    ? [...PARAMS, randomUUID()].map((p) => pattern.replaceAll(PARAM, p).replaceAll('*', p))
    : [pattern.replaceAll('*', 'probe')];
  const write = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method);
  return paths.flatMap((path) =>
    write ? BODIES.map((body) => ({ path, body })) : QUERIES.map((q) => ({ path: path + q })),
  );
}

describe('hostile input on every route', () => {
  it('is answered on its merits, never with a 5xx', async () => {
    const failures: string[] = [];
    // Logging out would end the session the rest of the sweep uses.
    const routes = t.router.routes.filter((r) => !('public' in r.rule) && r.path !== '/api/auth/logout');
    expect(routes.length).toBeGreaterThan(100);
    for (const route of routes) {
      for (const { path, body } of requestsFor(route.method, route.path)) {
        const res = await client.request(route.method, path, body);
        const text = await res.text();
        if (res.status >= 500) {
          failures.push(
            `${route.method} ${path.slice(0, 80)} ${body?.slice(0, 20) ?? ''} → ${res.status} ${text}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

/** Text that has broken other systems: SQL, markup, Zawgyi-encoded Burmese, bidi overrides, astral. */
const HOSTILE_TEXT = [
  "Robert'); DROP TABLE persons;-- ' OR 1=1 -- \\",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '<img src=x onerror=alert(1)><script>alert("x")</script>&amp;{{7*7}}${7*7}',
  'ျမန္မာ ၀၉၇၈၁၂၃၄၅၆ \u202Eevil\u202C สวัสดี 🙂👩‍👩‍👧 𠜎 ຫວຍ ខ្មែរ',
  'ก'.repeat(20_000),
];

/** Values for the string patterns of the app's schemas (checked against the pattern). */
function patterned(pattern: string): string | undefined {
  const candidates = [
    'screening.*',
    'abc123',
    '123456',
    'TH',
    'a'.repeat(64),
    'th',
    `u_${randomUUID().slice(0, 8)}`,
  ];
  const re = new RegExp(pattern);
  return candidates.find((c) => re.test(c));
}

type OpenApiDoc = {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
};

/** Records the bodies can name, so routes with an id in their path go past "not found". */
type Known = {
  person: string;
  case: string;
  organisation: string;
  agency: string;
  user: string;
  self: string;
};

async function knownRecords(): Promise<Known> {
  const person = await client.request('POST', '/api/victims/persons', fullPerson('hostile-1'));
  const personId = (await person.json()).person.id;
  const opened = await client.request('POST', '/api/victims/cases', {
    persons: [{ personId, role: 'victim' }],
  });
  const organisation = await client.request('POST', '/api/victims/organisations', { name: 'A shelter' });
  const other = await t.loginAs(['analyst']);
  return {
    person: personId,
    case: (await opened.json()).case.id,
    organisation: (await organisation.json()).organisation.id,
    agency: (await t.deps.db.selectFrom('agencies').select('id').executeTakeFirstOrThrow()).id,
    user: other.userId,
    self: client.userId,
  };
}

/** The id for a path: the record the route's collection names, else a random one. */
function pathFor(pattern: string, known: Known): string {
  const ids: Array<[string, string]> = [
    ['/api/victims/persons/', known.person],
    ['/api/victims/cases/', known.case],
    ['/api/victims/organisations/', known.organisation],
    ['/api/agencies/', known.agency],
    ['/api/users/', known.user],
  ];
  const id = ids.find(([prefix]) => pattern.startsWith(prefix))?.[1];
  return pattern.replaceAll(/\{\w+\}/g, () => id ?? randomUUID());
}

/** Properties whose values must be of a kind the schema does not say (E.164, URL, an id that exists). */
function namedValue(known: Known, text: string): (key: string, schema: Schema) => unknown {
  return (key, schema) => {
    if (/phone$/i.test(key)) return '+66812345678';
    // ages must agree with the birth date and with each other
    if (/^age[A-Z]/.test(key)) return OMIT;
    if (/birth/i.test(key) && schema.format === 'date') return '1990-05-01';
    if (/url$/i.test(key)) return `https://example.org/job?ref=${encodeURIComponent(text.slice(0, 100))}`;
    if (/^expires/i.test(key)) return schema.format === 'date' ? '2099-01-01' : '2099-01-01T00:00:00.000Z';
    if (key === 'personId') return known.person;
    if (key === 'caseId') return known.case;
    if (/(organisation|location\w*)Id$/i.test(key)) return known.organisation;
    if (key === 'agencyId') return known.agency;
    if (/^(owner|user|assignee)Id$/.test(key)) return known.self;
    return undefined;
  };
}

describe('hostile text in every JSON body', () => {
  it('gets past validation and is answered on its merits, never with a 5xx', async () => {
    const doc = (await (await t.request('GET', '/api/openapi.json')).json()) as OpenApiDoc;
    const known = await knownRecords();
    const failures: string[] = [];
    let bodies = 0;
    let accepted = 0;
    for (const [pattern, operations] of Object.entries(doc.paths)) {
      if (pattern === '/api/auth/logout') continue;
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content['application/json']?.schema;
        if (!schema) continue;
        for (const text of HOSTILE_TEXT) {
          const body = sampleOf(schema, {
            text,
            components: doc.components.schemas,
            patterned,
            named: namedValue(known, text),
          });
          const res = await client.request(method.toUpperCase(), pathFor(pattern, known), body);
          const answer = await res.text();
          bodies += 1;
          if (res.status < 300) accepted += 1;
          if (res.status >= 500)
            failures.push(`${method} ${pattern} ${text.slice(0, 12)} → ${res.status} ${answer}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(bodies).toBeGreaterThan(100);
    // The bodies are valid: most routes take them.
    expect(accepted).toBeGreaterThan(60);
  }, 300_000);
});
