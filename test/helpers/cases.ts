import { expect } from 'vitest';
import type { TestApp, TestClient } from './app.ts';
import { fullPerson } from './victims.ts';

// Fixtures for the case-management tests (src/victims/cases).

let serial = 0;

/** Registers a person (a victim, with identity) and returns its id. */
export async function registerPerson(client: TestClient, prefix = 'cm'): Promise<string> {
  const res = await client.request(
    'POST',
    '/api/victims/persons',
    fullPerson(`${prefix}-${++serial}-${Date.now()}`),
  );
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body.person.id;
}

/** Opens a case with these persons as victims and returns its id. */
export async function openCaseWith(client: TestClient, personIds: readonly string[]): Promise<string> {
  const persons = personIds.map((personId) => ({ personId, role: 'victim' }));
  const res = await client.request('POST', '/api/victims/cases', { persons });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body.case.id;
}

/** Sends a request and returns the body after checking the status. */
export async function call(client: TestClient, method: string, path: string, status: number, body?: unknown) {
  const res = await client.request(method, path, body);
  const json = await res.json();
  expect(res.status, `${method} ${path}: ${JSON.stringify(json)}`).toBe(status);
  return json;
}

export async function rowCount(t: TestApp, table: string): Promise<number> {
  const { rows } = await t.database.pool.query<{ n: string }>(`select count(*) as n from ${table}`);
  return Number(rows[0]?.n ?? 0);
}

/** Row counts of every table a case-management write may touch, to prove a refusal wrote nothing. */
export async function writeCounts(t: TestApp) {
  const tables = [
    'audit_entries',
    'case_activity',
    'case_team_members',
    'case_tasks',
    'case_comments',
    'support_plans',
    'support_plan_items',
    'trafficking_events',
    'organisations',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await rowCount(t, table);
  return counts;
}
