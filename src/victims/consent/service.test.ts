import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { type FieldCipher, loadFieldCipher } from '../../platform/crypto/fields.ts';
import { defineEncryptedColumn, encryptedColumns } from '../../platform/crypto/registry.ts';
import { rotateDataKey } from '../../platform/crypto/rotate.ts';
import type { Db } from '../../platform/db/database.ts';
import { repoPath } from '../../platform/paths.ts';
import { fieldContext } from '../encrypted-columns.ts';
import { consentEncryptedColumns } from './encrypted-columns.ts';
import { insertWithdrawal, lockConsent } from './repo.ts';
import type { RecordConsentInput } from './schema.ts';
import {
  askSharing,
  type ConsentActor,
  decideSharing,
  listPersonConsents,
  recordConsent,
  withdrawConsent,
} from './service.ts';

// Service tier against a real PostgreSQL: storage, encryption at rest, history, audit, and the
// row-lock protocol between a withdrawal and a share on two connections.

let database: TestDatabase;
let db: Db;
let cipher: FieldCipher;
let master: Buffer;
let actor: ConsentActor;

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  master = randomBytes(32);
  cipher = await loadFieldCipher(db, master);
  const agency = await db
    .insertInto('agencies')
    .values({ name: 'Shelter', org_type: 'NGO', country: 'TH' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({
      agency_id: agency.id,
      username: 'cw',
      display_name: 'CW',
      password_hash: 'x',
      roles: ['caseworker'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  actor = { userId: user.id, username: 'cw', agencyId: agency.id };
});
afterAll(async () => database?.close());

async function newPerson(values: { age_at_registration?: number; birthdate?: string } = {}): Promise<string> {
  const row = await db
    .insertInto('persons')
    .values({ agency_id: actor.agencyId, age_at_registration: values.age_at_registration ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (values.birthdate) {
    // As the victims module seals prs_Birthdate (identity.ts): YYYY-MM-DD under the row's context.
    const birthdate_enc = cipher.encrypt(values.birthdate, fieldContext('persons', 'birthdate_enc', row.id));
    await db.updateTable('persons').set({ birthdate_enc }).where('id', '=', row.id).execute();
  }
  return row.id;
}

function consentInput(over: Partial<RecordConsentInput> = {}): RecordConsentInput {
  return {
    purpose: 'referral',
    categories: ['identity', 'assessment'],
    recipient: { country: 'KH', agency: 'Ministry of Social Affairs' },
    subjectAge: 'adult',
    givenBy: { kind: 'subject' },
    method: { kind: 'verbal', witness: { name: 'Somchai Witness', role: 'shelter nurse' } },
    interpreter: { language: 'km', name: 'Sokha Interpreter' },
    htcds: { con_Consent: true },
    givenAt: iso(Date.now() - DAY),
    expiresAt: iso(Date.now() + 365 * DAY),
    ...over,
  };
}

const question = (personId: string) => ({
  personId,
  purpose: 'referral' as const,
  category: 'identity' as const,
  recipient: { country: 'KH', agency: 'ministry of social affairs' },
});

async function auditActions(recordId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_entries')
    .select('action')
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

/** Waits until some session of this database waits for a lock (the other transaction blocks). */
async function untilBlocked(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const r = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
    if ((r.rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no transaction ever waited for the lock');
}

describe('recording and withdrawing', () => {
  it('stores names only encrypted, reads them back, and audits every step', async () => {
    const personId = await newPerson();
    const recorded = await recordConsent(db, cipher, actor, personId, consentInput());
    expect(recorded.witnessName).toBe('Somchai Witness');
    const raw = await db
      .selectFrom('consents')
      .selectAll()
      .where('id', '=', recorded.consent.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(raw)).not.toMatch(/Somchai|Sokha/);
    expect(raw.witness_name_enc).toMatch(/^jf1\./);
    expect(raw.con_consent).toBe(true);

    const [listed] = (await listPersonConsents(db, cipher, actor, personId)).consents;
    expect(listed?.interpreterName).toBe('Sokha Interpreter');
    expect(listed?.tampered).toEqual([]);

    const withdrawn = await withdrawConsent(db, cipher, actor, recorded.consent.id, {
      statedBy: 'subject',
      method: { kind: 'verbal' },
      note: 'Wants no contact with the embassy — Somchai',
    });
    const rawNote = await db.selectFrom('consent_withdrawals').select('note_enc').executeTakeFirstOrThrow();
    expect(rawNote.note_enc).not.toContain('Somchai');
    expect(withdrawn.note).toContain('embassy');
    await expect(
      withdrawConsent(db, cipher, actor, recorded.consent.id, {
        statedBy: 'subject',
        method: { kind: 'verbal' },
      }),
    ).rejects.toThrow(/already withdrawn/);

    const d = await askSharing(db, cipher, actor, question(personId));
    expect(d).toMatchObject({ allowed: false, reason: 'withdrawn', consentId: recorded.consent.id });
    expect(await auditActions(recorded.consent.id)).toEqual(['consent.record', 'consent.withdraw']);
    expect(await auditActions(personId)).toEqual(['consent.read', 'consent.decide']);
  });

  it('keeps history: a consent or withdrawal cannot be changed or deleted, except re-encrypted', async () => {
    const personId = await newPerson();
    const { consent } = await recordConsent(db, cipher, actor, personId, consentInput());
    await withdrawConsent(db, cipher, actor, consent.id, { statedBy: 'subject', method: { kind: 'verbal' } });
    await expect(
      sql`update consents set purpose = 'research' where id = ${consent.id}`.execute(db),
    ).rejects.toThrow(/never changed or deleted/);
    await expect(
      sql`delete from consent_withdrawals where consent_id = ${consent.id}`.execute(db),
    ).rejects.toThrow(/never changed or deleted/);
    await expect(sql`delete from consents where id = ${consent.id}`.execute(db)).rejects.toThrow(
      /never changed or deleted/,
    );

    const rotated = await rotateDataKey(db, master, {
      columns: consentEncryptedColumns.map(defineEncryptedColumn),
    });
    expect(rotated.reEncrypted['consents.witness_name_enc']).toBeGreaterThan(0);
    cipher = rotated.cipher;
    const [after] = (await listPersonConsents(db, cipher, actor, personId)).consents;
    expect(after?.witnessName).toBe('Somchai Witness');
    expect(after?.consent.witness_name_enc).toContain(`jf1.${rotated.newKeyId}.`);
  });

  it('reports a name moved to another row as tampered, never as another name', async () => {
    const personId = await newPerson();
    const a = await recordConsent(db, cipher, actor, personId, consentInput());
    const b = await recordConsent(
      db,
      cipher,
      actor,
      personId,
      consentInput({ method: { kind: 'verbal', witness: { name: 'Another Witness' } } }),
    );
    await sql`update consents set witness_name_enc = ${b.consent.witness_name_enc} where id = ${a.consent.id}`.execute(
      db,
    );
    const listed = (await listPersonConsents(db, cipher, actor, personId)).consents;
    const moved = listed.find((o) => o.consent.id === a.consent.id);
    expect(moved?.witnessName).toBeNull();
    expect(moved?.tampered).toEqual(['method.witness.name']);
  });

  it('refuses a person of another agency as not found, writing nothing', async () => {
    const personId = await newPerson();
    const other = {
      ...actor,
      agencyId: (
        await db
          .insertInto('agencies')
          .values({ name: 'Other', org_type: 'NGO', country: 'TH' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    };
    await expect(recordConsent(db, cipher, other, personId, consentInput())).rejects.toThrow(/not found/);
    await expect(askSharing(db, cipher, other, question(personId))).rejects.toThrow(/not found/);
    const n = await db
      .selectFrom('consents')
      .select(db.fn.countAll<number>().as('n'))
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });
});

describe('the person’s age in the decision', () => {
  it('takes it from the birth date: a child’s own consent does not suffice, a guardian’s does', async () => {
    const twelve = new Date(Date.now() - 12 * 365.25 * DAY).toISOString().slice(0, 10);
    const personId = await newPerson({ birthdate: twelve });
    // Recorded (wrongly) as an adult's own consent: the birth date says child.
    const own = await recordConsent(db, cipher, actor, personId, consentInput());
    expect(await askSharing(db, cipher, actor, question(personId))).toMatchObject({
      allowed: false,
      reason: 'child_without_guardian_consent',
      consentId: own.consent.id,
      subject: 'child',
    });
    const guardian = await recordConsent(
      db,
      cipher,
      actor,
      personId,
      consentInput({
        subjectAge: 'child',
        givenBy: { kind: 'guardian', name: 'Mother', relationship: 'mother' },
      }),
    );
    expect(guardian.giverName).toBe('Mother');
    expect(await askSharing(db, cipher, actor, question(personId))).toMatchObject({
      allowed: true,
      consentId: guardian.consent.id,
    });
  });

  it('takes it from the age at registration when there is no birth date', async () => {
    const personId = await newPerson({ age_at_registration: 30 });
    await recordConsent(
      db,
      cipher,
      actor,
      personId,
      consentInput({
        subjectAge: 'child',
        givenBy: { kind: 'guardian', name: 'Uncle', relationship: 'uncle' },
      }),
    );
    expect(await askSharing(db, cipher, actor, question(personId))).toMatchObject({
      allowed: false,
      reason: 'given_while_child',
      subject: 'adult',
    });
  });
});

describe('a withdrawal racing a share, on two connections', () => {
  it('a share that starts while a withdrawal is uncommitted waits for it and sees it', async () => {
    const personId = await newPerson();
    const { consent } = await recordConsent(db, cipher, actor, personId, consentInput());
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked = () => {};
    const lockedNow = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const withdrawal = db.transaction().execute(async (tx) => {
      await lockConsent(tx, consent.id);
      await insertWithdrawal(tx, {
        id: randomUUID(),
        consent_id: consent.id,
        person_id: personId,
        stated_by: 'subject',
        method: 'verbal',
        recorded_by: actor.userId,
      });
      locked();
      await gate;
    });
    await lockedNow;
    let settled = false;
    const share = askSharing(db, cipher, actor, question(personId)).finally(() => {
      settled = true;
    });
    await untilBlocked();
    expect(settled).toBe(false);
    release();
    await withdrawal;
    expect(await share).toMatchObject({ allowed: false, reason: 'withdrawn', consentId: consent.id });
  });

  it('a withdrawal that starts while a share is deciding waits, and takes effect after it', async () => {
    const personId = await newPerson();
    const { consent } = await recordConsent(db, cipher, actor, personId, consentInput());
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let decided: (at: Date) => void = () => {};
    const decidedAt = new Promise<Date>((resolve) => {
      decided = resolve;
    });
    const share = db.transaction().execute(async (tx) => {
      const d = await decideSharing(tx, cipher, actor, question(personId));
      expect(d.allowed).toBe(true);
      decided(d.at);
      await gate; // the share's own writes would happen here
    });
    const at = await decidedAt;
    let settled = false;
    const withdrawal = withdrawConsent(db, cipher, actor, consent.id, {
      statedBy: 'subject',
      method: { kind: 'verbal' },
    }).finally(() => {
      settled = true;
    });
    await untilBlocked();
    expect(settled).toBe(false);
    release();
    await share;
    const w = await withdrawal;
    expect(w.withdrawal?.withdrawn_at.getTime()).toBeGreaterThan(at.getTime());
    expect(await askSharing(db, cipher, actor, question(personId))).toMatchObject({ reason: 'withdrawn' });
  });
});

describe('where HTCDS and key rotation find the consent columns', () => {
  it('has every column the HTCDS catalogue maps to consents, and every sealed column registered', async () => {
    const file = JSON.parse(readFileSync(repoPath('data', 'htcds', 'fields.json'), 'utf8'));
    const mapped: { field: string; column: string }[] = file.fields.filter(
      (f: { table: string }) => f.table === 'consents',
    );
    expect(mapped.map((f) => f.field)).toContain('con_Consent');
    const r = await sql<{ column_name: string }>`select column_name from information_schema.columns
      where table_name in ('consents', 'consent_withdrawals')`.execute(db);
    const columns = r.rows.map((c) => c.column_name);
    for (const f of mapped) expect(columns, f.field).toContain(f.column);
    const registered = encryptedColumns.filter((c) => c.table.startsWith('consent')).map((c) => c.column);
    expect(registered.sort()).toEqual(columns.filter((c) => c.endsWith('_enc')).sort());
  });
});
