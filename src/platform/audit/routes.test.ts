import type { z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { errorSchema } from '../http/fields.ts';
import { AUDIT_ACTIONS, AUDIT_RECORD_TYPES } from './actions.ts';
import { appendAuditBatch } from './append.ts';
import { verifyCheckpointSignature } from './checkpoint.ts';
import { leafBytes } from './leaf.ts';
import { hashLeaf, verifyConsistency, verifyInclusion } from './merkle.ts';
import { catalogue, checkpointResult, consistencyResult, entryList, inclusionResult } from './schema.ts';
import { integratePending } from './sequencer.ts';
import { listAuditEntries } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function call(who: TestClient | undefined, method: string, path: string) {
  const headers: Record<string, string> = who ? { cookie: who.cookie, 'x-csrf-token': who.csrfToken } : {};
  const res = await t.app.request(path, { method, headers });
  const body: unknown = await res.json();
  return { status: res.status, body };
}

/** Calls, expects `status`, and parses the body with the route's own response schema. */
async function expectBody<T extends z.ZodType>(
  schema: T,
  status: number,
  ...args: Parameters<typeof call>
): Promise<z.infer<T>> {
  const res = await call(...args);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return schema.parse(res.body);
}

const fromHex = (h: string) => Buffer.from(h, 'hex');

async function appendSome(n: number, tag: string) {
  await t.deps.db.transaction().execute((tx) =>
    appendAuditBatch(
      tx,
      Array.from({ length: n }, (_, i) => ({
        actor: { id: null, label: 'routes test' },
        action: 'person.read',
        recordType: 'person',
        recordId: `${tag}-${i}`,
        change: { i },
      })),
    ),
  );
}

const latestCheckpoint = (who: TestClient) =>
  expectBody(checkpointResult, 200, who, 'GET', '/api/audit/checkpoints/latest');

describe('audit routes', () => {
  it('are in the OpenAPI document', async () => {
    const doc = await (await t.app.request('/api/openapi.json')).text();
    for (const path of [
      'entries',
      'catalogue',
      'checkpoints/latest',
      'checkpoints',
      'proofs/inclusion',
      'proofs/consistency',
    ]) {
      expect(doc).toContain(`"/api/audit/${path}"`);
    }
  });

  it('answers 404 while no checkpoint exists', async () => {
    const admin = await t.loginAdmin();
    const res = await expectBody(errorSchema, 404, admin, 'GET', '/api/audit/checkpoints/latest');
    expect(res.error.message).toMatch(/No audit checkpoint/);
  });

  it('lets only administrators sign checkpoints, and only the four reading roles read', async () => {
    expect((await call(undefined, 'GET', '/api/audit/entries')).status).toBe(401);
    for (const role of ['caseworker', 'researcher', 'referral_focal_point'] as const) {
      const user = await t.loginAs([role]);
      expect((await call(user, 'GET', '/api/audit/entries')).status).toBe(403);
      expect((await call(user, 'GET', '/api/audit/proofs/inclusion?index=0&treeSize=1')).status).toBe(403);
      expect((await call(user, 'POST', '/api/audit/checkpoints')).status).toBe(403);
    }
    for (const role of ['administrator', 'investigator', 'analyst', 'central_authority'] as const) {
      const user = await t.loginAs([role]);
      expect((await call(user, 'GET', '/api/audit/entries')).status).toBe(200);
      if (role !== 'administrator')
        expect((await call(user, 'POST', '/api/audit/checkpoints')).status).toBe(403);
    }
  });

  it('signs a checkpoint that covers what was queued, verifiable with the published key', async () => {
    await appendSome(30, 'a');
    const admin = await t.loginAdmin();
    const c = await expectBody(checkpointResult, 201, admin, 'POST', '/api/audit/checkpoints');
    expect(c.treeSize).toBeGreaterThanOrEqual(30);
    expect(c.note).toBe(
      `jaring/${t.deps.node.id}\n${c.treeSize}\n${fromHex(c.rootHash).toString('base64')}\n`,
    );
    expect(c.signedNote.startsWith(`${c.note}\n\u2014 jaring/${t.deps.node.id} `)).toBe(true);
    const publicKey = Buffer.from(c.publicKey, 'base64');
    expect(publicKey.equals(t.deps.node.publicKey)).toBe(true);
    expect(verifyCheckpointSignature(c.note, Buffer.from(c.signature, 'base64'), publicKey)).toBe(true);
    expect(await latestCheckpoint(admin)).toEqual(c);
  });

  it('pages entries newest first', async () => {
    const analyst = await t.loginAs(['analyst']);
    const first = await expectBody(entryList, 200, analyst, 'GET', '/api/audit/entries?limit=5');
    const seqs = first.entries.map((e) => e.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5].map((i) => first.treeSize - i));
    const next = await expectBody(
      entryList,
      200,
      analyst,
      'GET',
      `/api/audit/entries?limit=5&before=${seqs[4]}`,
    );
    expect(next.entries[0]?.seq).toBe((seqs[4] ?? 0) - 1);
    const byDefault = await expectBody(entryList, 200, analyst, 'GET', '/api/audit/entries');
    expect(byDefault.entries.length).toBe(Math.min(50, byDefault.treeSize));
    const all = await expectBody(entryList, 200, analyst, 'GET', '/api/audit/entries?limit=200');
    expect(all.entries.length).toBe(Math.min(200, all.treeSize));
    for (const bad of ['limit=0', 'limit=201', 'limit=x', 'before=-1']) {
      expect((await call(analyst, 'GET', `/api/audit/entries?${bad}`)).status, bad).toBe(400);
    }
  });

  it('proves an entry, recomputed from its listed fields, is in the signed tree', async () => {
    const analyst = await t.loginAs(['analyst']);
    const latest = await latestCheckpoint(analyst);
    const path = `/api/audit/entries?limit=1&before=${latest.treeSize - 7}`;
    const entry = (await expectBody(entryList, 200, analyst, 'GET', path)).entries[0];
    if (!entry) throw new Error('no entry listed');
    const leafHash = hashLeaf(leafBytes({ ...entry, index: entry.seq, digest: fromHex(entry.digest) }));
    const query = `index=${entry.seq}&treeSize=${latest.treeSize}`;
    const p = await expectBody(inclusionResult, 200, analyst, 'GET', `/api/audit/proofs/inclusion?${query}`);
    expect(p.leafHash).toBe(leafHash.toString('hex'));
    expect(p.rootHash).toBe(latest.rootHash);
    const verdict = verifyInclusion(
      entry.seq,
      latest.treeSize,
      leafHash,
      p.proof.map(fromHex),
      fromHex(latest.rootHash),
    );
    expect(verdict).toEqual({ ok: true });
  });

  it('proves the log only grew between two checkpoints', async () => {
    const admin = await t.loginAdmin();
    const older = await latestCheckpoint(admin);
    await appendSome(11, 'b');
    const newer = await expectBody(checkpointResult, 201, admin, 'POST', '/api/audit/checkpoints');
    const query = `from=${older.treeSize}&to=${newer.treeSize}`;
    const p = await expectBody(
      consistencyResult,
      200,
      admin,
      'GET',
      `/api/audit/proofs/consistency?${query}`,
    );
    expect(p.fromRoot).toBe(older.rootHash);
    expect(p.toRoot).toBe(newer.rootHash);
    const roots = [fromHex(older.rootHash), fromHex(newer.rootHash)] as const;
    expect(verifyConsistency(older.treeSize, newer.treeSize, p.proof.map(fromHex), ...roots)).toEqual({
      ok: true,
    });
  });

  it('answers 400 with a clear message for proofs outside the log', async () => {
    const admin = await t.loginAdmin();
    const { treeSize } = await latestCheckpoint(admin);
    const cases: [string, RegExp][] = [
      [`inclusion?index=${treeSize}&treeSize=${treeSize}`, /index must be an integer from 0 to treeSize - 1/],
      [`inclusion?index=0&treeSize=${treeSize + 1000}`, /larger than the audit log/],
      ['inclusion?index=0&treeSize=0', /treeSize must be an integer from 1 to the log size/],
      [`consistency?from=0&to=${treeSize}`, /from must be an integer from 1/],
      [`consistency?from=5&to=${treeSize + 1000}`, /larger than the audit log/],
      [`consistency?from=${treeSize}&to=2`, /from must be an integer from 1/],
      ['inclusion?index=abc&treeSize=1', /./],
      ['consistency?from=1', /./],
    ];
    for (const [query, message] of cases) {
      const res = await expectBody(errorSchema, 400, admin, 'GET', `/api/audit/proofs/${query}`);
      expect(res.error.message, query).toMatch(message);
    }
  });

  it('lists the catalogue of actions and record types to filter by', async () => {
    const analyst = await t.loginAs(['analyst']);
    const body = await expectBody(catalogue, 200, analyst, 'GET', '/api/audit/catalogue');
    expect(body.actions).toEqual([...AUDIT_ACTIONS]);
    expect(body.recordTypes).toEqual([...AUDIT_RECORD_TYPES]);
    expect((await call(undefined, 'GET', '/api/audit/catalogue')).status).toBe(401);
    const caseworker = await t.loginAs(['caseworker']);
    expect((await call(caseworker, 'GET', '/api/audit/catalogue')).status).toBe(403);
  });

  it('filters entries by action, record type, record and actor, each exactly', async () => {
    const analyst = await t.loginAs(['analyst']);
    const event = (action: 'person.read' | 'case.read', recordId: string, label: string) => ({
      actor: { id: null, label },
      action,
      recordType: action === 'person.read' ? ('person' as const) : ('case' as const),
      recordId,
      change: {},
    });
    await t.deps.db
      .transaction()
      .execute((tx) =>
        appendAuditBatch(tx, [
          event('case.read', 'f-case', 'auditor one'),
          event('person.read', 'f-person', 'auditor one'),
          event('person.read', 'f-person', 'auditor two'),
          event('case.read', 'f-case', "x'; drop table audit_entries; --"),
        ]),
      );
    await integratePending(t.deps.db);
    const list = async (query: string) => {
      const page = await expectBody(entryList, 200, analyst, 'GET', `/api/audit/entries?limit=200&${query}`);
      return page;
    };
    const byRecord = await list('recordId=f-person');
    expect(byRecord.entries.map((e) => [e.action, e.actor])).toEqual([
      ['person.read', 'auditor two'],
      ['person.read', 'auditor one'],
    ]);
    expect(byRecord.nextBefore).toBeNull();
    const byActor = await list(`actor=${encodeURIComponent('auditor one')}`);
    expect(byActor.entries.map((e) => e.recordId)).toEqual(['f-person', 'f-case']);
    const both = await list(`actor=${encodeURIComponent('auditor one')}&action=case.read&recordType=case`);
    expect(both.entries.map((e) => e.recordId)).toEqual(['f-case']);
    const hostile = await list(`actor=${encodeURIComponent("x'; drop table audit_entries; --")}`);
    expect(hostile.entries.map((e) => e.recordId)).toEqual(['f-case']);
    expect((await list('recordId=no-such-record')).entries).toEqual([]);
    expect((await list('action=case.read')).entries.every((e) => e.action === 'case.read')).toBe(true);
    for (const bad of [
      'action=Person.Read',
      'action=victim.archive',
      'recordType=',
      'recordId=a%00b',
      `actor=${'x'.repeat(201)}`,
    ]) {
      const res = await expectBody(errorSchema, 400, analyst, 'GET', `/api/audit/entries?${bad}`);
      expect(res.error.message, bad).toMatch(/./);
    }
  });

  it('searches a bounded stretch of the log a page when no index leads to the matches, and says where to go on', async () => {
    const tag = `stretch-${Date.now()}`;
    await t.deps.db.transaction().execute((tx) =>
      appendAuditBatch(
        tx,
        Array.from({ length: 40 }, (_, i) => ({
          actor: { id: null, label: i % 7 === 0 ? tag : 'someone else' },
          action: 'person.read' as const,
          recordType: 'person' as const,
          recordId: `${tag}-${i}`,
          change: { i },
        })),
      ),
    );
    await integratePending(t.deps.db);
    const wanted = Array.from({ length: 40 }, (_, i) => i)
      .filter((i) => i % 7 === 0)
      .map((i) => `${tag}-${i}`)
      .reverse();
    // Pages of 2 matches, 10 entries searched a request: follow nextBefore until it ends.
    const found: string[] = [];
    let before: number | undefined;
    for (let requests = 0; requests < 1000; requests++) {
      const page = await listAuditEntries(
        t.deps.db,
        { limit: 2, actor: tag, ...(before ? { before } : {}) },
        10,
      );
      expect(page.entries.length).toBeLessThanOrEqual(2);
      for (const e of page.entries) expect(before === undefined || e.seq < before).toBe(true);
      found.push(...page.entries.map((e) => e.record_id ?? ''));
      if (page.nextBefore === null) break;
      expect(page.nextBefore).toBeLessThan(before ?? Number.POSITIVE_INFINITY);
      before = page.nextBefore;
    }
    expect(found).toEqual(wanted);
    // A stretch without a match is an empty page that still goes on.
    const top = await listAuditEntries(t.deps.db, { limit: 2, actor: 'nobody at all' }, 10);
    expect(top.entries).toEqual([]);
    expect(top.nextBefore).toBe(top.treeSize - 10);
  });
});
