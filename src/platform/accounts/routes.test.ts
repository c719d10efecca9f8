import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { errorSchema } from '../http/fields.ts';
import { ORG_TYPES } from './org-types.ts';
import { agencyList, agencyResult, resetPasswordResult, userList, userResult } from './schema.ts';

let t: TestApp;
let admin: TestClient;
let analyst: TestClient;
let agencyId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAdmin();
  analyst = await t.loginAs(['analyst']);
  agencyId = (await t.deps.db.selectFrom('agencies').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t?.close());

const PASSWORD = 'a fine long password';

async function parse<S extends z.ZodType>(res: Response, schema: S, status = 200): Promise<z.infer<S>> {
  const raw: unknown = await res.json();
  expect(res.status, JSON.stringify(raw)).toBe(status);
  return schema.parse(raw);
}

/** The error's code and the fields it names. */
async function refusal(res: Response, status: number) {
  const { error } = await parse(res, errorSchema, status);
  return { code: error.code, message: error.message, paths: (error.fields ?? []).map((f) => f.path) };
}

async function auditCount(action: string, recordId: string): Promise<number> {
  const row = await t.deps.db
    .selectFrom('audit_entries')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('action', '=', action)
    .where('record_id', '=', recordId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function counts() {
  const count = async (table: 'users' | 'agencies' | 'audit_entries') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    users: await count('users'),
    agencies: await count('agencies'),
    audit: await count('audit_entries'),
  };
}

let serial = 0;
const unique = (base: string) => `${base}${++serial}`;

async function createAgency(name = unique('Agency ')) {
  const res = await admin.request('POST', '/api/agencies', { name, orgType: 'NGO', country: 'TH' });
  return (await parse(res, agencyResult, 201)).agency;
}

async function createUser(fields: Record<string, unknown> = {}) {
  const body = {
    username: unique('user.'),
    displayName: 'A user',
    agencyId,
    roles: ['caseworker'],
    password: PASSWORD,
  };
  const res = await admin.request('POST', '/api/users', { ...body, ...fields });
  return (await parse(res, userResult, 201)).user;
}

async function userRow(id: string) {
  return t.deps.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('organisation types', () => {
  it('are exactly the values the database accepts', async () => {
    const { rows } = await sql<{ def: string }>`
      select pg_get_constraintdef(oid) as def from pg_constraint
      where conrelid = 'agencies'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%org_type%'`.execute(
      t.deps.db,
    );
    const inDatabase = [...(rows[0]?.def ?? '').matchAll(/'([A-Za-z]+)'::text/g)].map((m) => m[1]);
    expect([...inDatabase].sort()).toEqual([...ORG_TYPES].sort());
  });
});

describe('OpenAPI document', () => {
  it('lists every accounts route', async () => {
    const res = await t.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = JSON.stringify(await res.json());
    for (const path of [
      '/api/agencies/{id}',
      '/api/users/{id}/reset-password',
      '/api/users/{id}/unlock',
      '/api/tokens/{id}',
    ]) {
      expect(doc).toContain(`"${path}"`);
    }
  });
});

describe('agencies', () => {
  it('lists agencies to any logged-in user', async () => {
    const { agencies } = await parse(await analyst.request('GET', '/api/agencies'), agencyList);
    expect(agencies.map((a) => a.id)).toContain(agencyId);
  });

  it('creates an agency and audits it in the same transaction', async () => {
    const agency = await createAgency('Anti-Trafficking Division, Royal Thai Police');
    expect(agency).toMatchObject({
      name: 'Anti-Trafficking Division, Royal Thai Police',
      orgType: 'NGO',
      country: 'TH',
    });
    expect(await auditCount('agency.create', agency.id)).toBe(1);
  });

  it('refuses a duplicate name with 409 and changes nothing', async () => {
    const agency = await createAgency();
    const before = await counts();
    const res = await admin.request('POST', '/api/agencies', {
      name: agency.name,
      orgType: 'LegalService',
      country: 'VN',
    });
    const { code, message, paths } = await refusal(res, 409);
    expect(code).toBe('conflict');
    expect(message).toMatch(/already exists/);
    expect(paths).toEqual(['name']);
    expect(await counts()).toEqual(before);
  });

  it('refuses an unknown organisation type or country code with 400 naming the field', async () => {
    const badType = await admin.request('POST', '/api/agencies', {
      name: unique('X'),
      orgType: 'Police',
      country: 'TH',
    });
    expect((await refusal(badType, 400)).paths).toEqual(['orgType']);
    const badCountry = await admin.request('POST', '/api/agencies', {
      name: unique('X'),
      orgType: 'NGO',
      country: 'tha',
    });
    expect((await refusal(badCountry, 400)).paths).toEqual(['country']);
  });

  it('changes an agency, audits it, and answers 404, 409 and 400 where due', async () => {
    const agency = await createAgency();
    const other = await createAgency();
    const res = await admin.request('PATCH', `/api/agencies/${agency.id}`, {
      orgType: 'LawEnforcement',
      country: 'KH',
    });
    expect((await parse(res, agencyResult)).agency).toMatchObject({
      name: agency.name,
      orgType: 'LawEnforcement',
      country: 'KH',
    });
    expect(await auditCount('agency.update', agency.id)).toBe(1);

    const taken = await admin.request('PATCH', `/api/agencies/${agency.id}`, { name: other.name });
    expect((await refusal(taken, 409)).paths).toEqual(['name']);
    const missing = await admin.request('PATCH', `/api/agencies/${randomUUID()}`, { name: 'Nobody' });
    expect((await refusal(missing, 404)).code).toBe('not_found');
    expect((await refusal(await admin.request('PATCH', `/api/agencies/${agency.id}`, {}), 400)).code).toBe(
      'validation_failed',
    );
    expect(
      (await refusal(await admin.request('PATCH', '/api/agencies/not-a-uuid', { name: 'x' }), 400)).paths,
    ).toEqual(['id']);
    expect(await auditCount('agency.update', agency.id)).toBe(1);
  });

  it('refuses writes by non-administrators with 403', async () => {
    const res = await analyst.request('POST', '/api/agencies', {
      name: unique('X'),
      orgType: 'NGO',
      country: 'TH',
    });
    expect((await refusal(res, 403)).code).toBe('forbidden');
  });
});

describe('users', () => {
  it('creates a user with an argon2id hash who must change the password, and audits it', async () => {
    const user = await createUser({
      username: 'Somchai.K',
      displayName: 'สมชาย',
      roles: ['investigator', 'analyst'],
    });
    expect(user).toMatchObject({ username: 'Somchai.K', displayName: 'สมชาย', agencyId, disabled: false });
    expect(user.roles).toEqual(['investigator', 'analyst']);
    const row = await userRow(user.id);
    expect(row.must_change_password).toBe(true);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.password_hash, PASSWORD)).toBe(true);
    expect(await auditCount('user.create', user.id)).toBe(1);
    const login = await t.login('somchai.k', PASSWORD);
    expect(login.userId).toBe(user.id);
  });

  it('lists users without any secret', async () => {
    const res = await admin.request('GET', '/api/users');
    const raw = JSON.stringify(await res.clone().json());
    const { users } = await parse(res, userList);
    expect(users.map((u) => u.username)).toContain('admin');
    expect(raw).not.toMatch(/password|hash|totpSecret|argon2/i);
  });

  it('refuses a duplicate username, ignoring case, with 409', async () => {
    const user = await createUser();
    const before = await counts();
    const res = await admin.request('POST', '/api/users', {
      username: user.username.toUpperCase(),
      displayName: 'Twin',
      agencyId,
      roles: ['analyst'],
      password: PASSWORD,
    });
    const { paths, message } = await refusal(res, 409);
    expect(paths).toEqual(['username']);
    expect(message).toMatch(/already exists/);
    expect(await counts()).toEqual(before);
  });

  it('refuses bad usernames, roles, passwords and agencies with 400 naming the field', async () => {
    const base = {
      username: unique('ok'),
      displayName: 'x',
      agencyId,
      roles: ['analyst'],
      password: PASSWORD,
    };
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ username: 'ab' }, 'username'],
      [{ username: 'a'.repeat(65) }, 'username'],
      [{ username: 'with space' }, 'username'],
      [{ username: 'ผู้ใช้' }, 'username'],
      [{ roles: [] }, 'roles'],
      [{ roles: ['superuser'] }, 'roles.0'],
      [{ password: 'short' }, 'password'],
      [{ agencyId: 'nope' }, 'agencyId'],
      [{ agencyId: randomUUID() }, 'agencyId'],
    ];
    for (const [change, field] of cases) {
      const res = await admin.request('POST', '/api/users', { ...base, ...change });
      expect((await refusal(res, 400)).paths, JSON.stringify(change)).toEqual([field]);
    }
    expect(await counts()).toEqual(before);
  });

  it('changes a user; changing roles or disabling ends their sessions', async () => {
    const user = await createUser({ roles: ['analyst'] });
    const other = await createAgency();
    const session = await t.login(user.username, PASSWORD);
    const renamed = await admin.request('PATCH', `/api/users/${user.id}`, {
      displayName: 'Renamed',
      agencyId: other.id,
    });
    expect((await parse(renamed, userResult)).user).toMatchObject({
      displayName: 'Renamed',
      agencyId: other.id,
    });
    expect((await session.request('GET', '/api/auth/me')).status).toBe(200);

    const promoted = await admin.request('PATCH', `/api/users/${user.id}`, {
      roles: ['researcher', 'analyst'],
    });
    expect((await parse(promoted, userResult)).user.roles).toEqual(['analyst', 'researcher']);
    expect((await session.request('GET', '/api/auth/me')).status).toBe(401);

    const again = await t.login(user.username, PASSWORD);
    const disabled = await admin.request('PATCH', `/api/users/${user.id}`, { disabled: true });
    expect((await parse(disabled, userResult)).user.disabled).toBe(true);
    expect((await again.request('GET', '/api/auth/me')).status).toBe(401);
    await expect(t.login(user.username, PASSWORD)).rejects.toThrow(/401/);
    expect(await auditCount('user.update', user.id)).toBe(3);
    expect(
      await t.deps.db.selectFrom('sessions').where('user_id', '=', user.id).select('id_hash').execute(),
    ).toEqual([]);
  });

  it('does not let an administrator disable themselves or drop their own administrator role', async () => {
    const before = await counts();
    const demote = await admin.request('PATCH', `/api/users/${admin.userId}`, { roles: ['analyst'] });
    const demoteRefusal = await refusal(demote, 400);
    expect(demoteRefusal.paths).toEqual(['roles']);
    expect(demoteRefusal.message).toMatch(/own administrator role/);
    const disable = await admin.request('PATCH', `/api/users/${admin.userId}`, { disabled: true });
    const disableRefusal = await refusal(disable, 400);
    expect(disableRefusal.paths).toEqual(['disabled']);
    expect(disableRefusal.message).toMatch(/disable your own account/);
    expect(await counts()).toEqual(before);
    expect((await userRow(admin.userId)).roles).toEqual(['administrator']);
    const otherSession = await t.loginAdmin();
    const keep = await admin.request('PATCH', `/api/users/${admin.userId}`, {
      roles: ['administrator', 'analyst'],
    });
    expect((await parse(keep, userResult)).user.roles).toEqual(['administrator', 'analyst']);
    // Changing one's own roles ends one's other sessions, not the one making the change.
    expect((await otherSession.request('GET', '/api/auth/me')).status).toBe(401);
    const back = await admin.request('PATCH', `/api/users/${admin.userId}`, { roles: ['administrator'] });
    expect((await parse(back, userResult)).user.roles).toEqual(['administrator']);
  });

  it('answers 404 for an unknown user and 400 for an unknown agency', async () => {
    const id = randomUUID();
    expect((await admin.request('PATCH', `/api/users/${id}`, { displayName: 'x' })).status).toBe(404);
    expect((await admin.request('POST', `/api/users/${id}/reset-password`)).status).toBe(404);
    expect((await admin.request('POST', `/api/users/${id}/unlock`)).status).toBe(404);
    const user = await createUser();
    const res = await admin.request('PATCH', `/api/users/${user.id}`, { agencyId: randomUUID() });
    expect((await refusal(res, 400)).paths).toEqual(['agencyId']);
  });

  it('resets a password: one-time password, must change it, sessions ended, account unlocked', async () => {
    const user = await createUser();
    const session = await t.login(user.username, PASSWORD);
    await t.deps.db
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() + 3_600_000), failed_logins: 2 })
      .where('id', '=', user.id)
      .execute();
    const res = await admin.request('POST', `/api/users/${user.id}/reset-password`);
    const { temporaryPassword } = await parse(res, resetPasswordResult);
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    expect((await session.request('GET', '/api/auth/me')).status).toBe(401);
    const row = await userRow(user.id);
    expect(row).toMatchObject({ must_change_password: true, failed_logins: 0, locked_until: null });
    await expect(t.login(user.username, PASSWORD)).rejects.toThrow(/401/);
    const login = await t.request('POST', '/api/auth/login', {
      body: { username: user.username, password: temporaryPassword },
    });
    expect(login.status).toBe(200);
    expect(JSON.stringify(await login.json())).toMatch(/"mustChangePassword":true/);
    expect(await auditCount('user.password_reset', user.id)).toBe(1);
  });

  it('unlocks a locked account', async () => {
    const user = await createUser();
    await t.deps.db
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() + 3_600_000), failed_logins: 4 })
      .where('id', '=', user.id)
      .execute();
    const res = await admin.request('POST', `/api/users/${user.id}/unlock`);
    expect(res.status).toBe(204);
    expect(await userRow(user.id)).toMatchObject({ failed_logins: 0, locked_until: null });
    expect(await auditCount('user.unlock', user.id)).toBe(1);
    expect((await t.login(user.username, PASSWORD)).userId).toBe(user.id);
  });

  it('refuses user administration to non-administrators with 403', async () => {
    expect((await refusal(await analyst.request('GET', '/api/users'), 403)).code).toBe('forbidden');
    const res = await analyst.request('POST', `/api/users/${analyst.userId}/reset-password`);
    expect((await refusal(res, 403)).code).toBe('forbidden');
  });
});

describe('audit in the same transaction', () => {
  it('creates nothing when its audit entry cannot be written', async () => {
    await sql`create function refuse_agency_audit() returns trigger language plpgsql as $$
      begin if new.action = 'agency.create' then raise exception 'audit refused'; end if; return new; end $$`.execute(
      t.deps.db,
    );
    await sql`create trigger refuse_agency_audit before insert on audit_entries
      for each row execute function refuse_agency_audit()`.execute(t.deps.db);
    try {
      const before = await counts();
      const res = await admin.request('POST', '/api/agencies', {
        name: unique('Orphan '),
        orgType: 'NGO',
        country: 'TH',
      });
      expect(res.status).toBe(500);
      expect(await counts()).toEqual(before);
    } finally {
      await sql`drop trigger refuse_agency_audit on audit_entries`.execute(t.deps.db);
      await sql`drop function refuse_agency_audit()`.execute(t.deps.db);
    }
  });
});

describe('hostile text', () => {
  const hostile = [
    "'); drop table users; --",
    '<script>alert(1)</script>',
    '👩‍👩‍👧 🇲🇲',
    'ศูนย์ปฏิบัติการต่อต้านการค้ามนุษย์',
    'လူကုန်ကူးမှု တိုက်ဖျက်ရေး',
  ];

  it('stores and returns it literally', async () => {
    for (const name of hostile) {
      const agency = await createAgency(name);
      expect(agency.name).toBe(name);
      const user = await createUser({ displayName: name, agencyId: agency.id });
      expect(user.displayName).toBe(name);
      expect((await userRow(user.id)).display_name).toBe(name);
      const row = await t.deps.db
        .selectFrom('agencies')
        .select('name')
        .where('id', '=', agency.id)
        .executeTakeFirstOrThrow();
      expect(row.name).toBe(name);
    }
    const { agencies } = await parse(await analyst.request('GET', '/api/agencies'), agencyList);
    for (const name of hostile) expect(agencies.map((a) => a.name)).toContain(name);
    expect((await counts()).users).toBeGreaterThan(hostile.length);
  });

  it('refuses NUL, lone surrogates and text-direction controls with 400 naming the field', async () => {
    const before = await counts();
    // '\u202Egnp.exe' displays as "exe.png": a name may not reorder what it shows.
    for (const bad of ['nul\u0000here', 'lone \uD800 surrogate', 'trailing \uDFFF', '\u202Egnp.exe']) {
      const agency = await admin.request('POST', '/api/agencies', {
        name: bad,
        orgType: 'NGO',
        country: 'TH',
      });
      expect((await refusal(agency, 400)).paths).toEqual(['name']);
      const user = await admin.request('POST', '/api/users', {
        username: unique('u'),
        displayName: bad,
        agencyId,
        roles: ['analyst'],
        password: PASSWORD,
      });
      expect((await refusal(user, 400)).paths).toEqual(['displayName']);
      const patch = await admin.request('PATCH', `/api/users/${admin.userId}`, { displayName: bad });
      expect((await refusal(patch, 400)).paths).toEqual(['displayName']);
    }
    expect(await counts()).toEqual(before);
  });
});
