import { sql } from 'kysely';
import { expect } from 'vitest';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import type { Role } from '../../src/platform/auth/roles.ts';
import type { TestApp, TestClient } from './app.ts';
import { flipByte } from './tamper.ts';

// Fixtures for the victims module's HTTP tests.

/** A person with every field set (HTCDS prs_, vic_, per_ and Jaring's extensions). */
export function fullPerson(externalId: string) {
  return {
    externalId,
    registeredOn: '2025-02-14',
    identity: {
      salutation: 'Ms',
      firstName: 'Nguyễn',
      middleName: 'Thị',
      secondName: 'Đào',
      birthdate: '2003-06-30',
      identityNumber: 'VN-0123 456 789',
      email: 'dao.nguyen@example.org',
      homePhone: '+84 24 3825 1234',
      mobilePhone: '+84912345678',
      mailingStreet: '12 Phố Hàng Bạc',
      mailingCity: 'Hà Nội',
      mailingState: 'Hoàn Kiếm',
      mailingPostalCode: '100000',
      mailingLatitude: 21.0341,
      mailingLongitude: 105.8516,
    },
    profile: {
      title: 'Data entry clerk',
      gender: 'Feminine',
      deceased: false,
      maritalStatus: 'Single',
      numberOfChildren: 0,
      primaryLanguage: 'vi',
      secondaryLanguage: 'en',
      highestLevelOfEducation: 'BachelorsOrEquivalentLevel',
      citizenship: ['VN'],
      mailingCountry: 'VN',
      ageIsEstimate: false,
      ethnicity: 'Kinh',
      disabilities: ['Hearing'],
      migrationStatus: 'IrregularMigrant',
    },
    victim: {
      agreementToManagePersonalData: true,
      traffickingStatus: 'PossibleVictimOfTrafficking',
      traffickingStatusDecisionMakingOrg: 'NGO',
      relationshipToTrafficker: 'Unaquainted',
      ageWhenTrafficked: 21,
      recruitmentWebsitesAndApps: ['Facebook', 'Telegram'],
      methodOfRecruitment: ['ThroughAnOnlineAdvertisement'],
      locationOfRecruitmentId: null,
      methodsOfControl: ['WithholdsDocuments', 'DebtBondage', 'PhysicalThreats'],
      typeOfExploitation: ['ForcedCriminality', 'ForcedLabour'],
      forcedLabourIndustry: 'J_InformationAndCommunication',
      typeOfSexExploitation: [],
      locationOfExploitationId: null,
      exploitationWebsitesAndApps: ['Telegram'],
      vulnerabilities: ['Poverty', 'Migration'],
      detailsOfVulnerabilities: 'Lost her job in Hà Nội; her family owes a moneylender.',
      forcedCriminalityTypes: ['RomanceInvestmentScam', 'MoneyLaunderingOrMoneyMule'],
      recruitmentPlatform: 'Telegram',
      recruitmentHandle: '@bestjobs_kh',
      recruitmentAdUrl: 'https://t.me/bestjobs_kh/42',
      scamCompoundName: 'Golden Fortune compound',
      scamCompoundCity: 'Sihanoukville',
      scamCompoundCountry: 'KH',
      scamCompoundLatitude: 10.6253,
      scamCompoundLongitude: 103.5234,
    },
  };
}

/** Logs in a user with these roles in a second agency of the node. */
export async function loginInOtherAgency(t: TestApp, roles: readonly Role[]): Promise<TestClient> {
  const agency = await t.deps.db
    .insertInto('agencies')
    .values({ name: `Other agency ${Date.now()}`, org_type: 'NGO', country: 'TH' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const username = `other_${agency.id.slice(0, 8)}`;
  const password = 'another long test password';
  await t.deps.db
    .insertInto('users')
    .values({
      agency_id: agency.id,
      username,
      display_name: username,
      password_hash: await hashPassword(password),
      roles: [...roles],
    })
    .execute();
  return t.login(username, password);
}

/** The error's code and the field paths it names, after checking the status. */
export async function refusal(res: Response, status: number) {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return { code: body.error.code, paths: (body.error.fields ?? []).map((f: { path: string }) => f.path) };
}

export async function countRows(t: TestApp, table: 'persons' | 'cases' | 'case_persons' | 'audit_entries') {
  const row = await t.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The agency that owns a person or a case. */
export async function agencyOf(t: TestApp, table: 'persons' | 'cases', id: string): Promise<string> {
  const row = await t.deps.db
    .selectFrom(table)
    .select('agency_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.agency_id;
}

export async function auditActions(t: TestApp, recordId: string) {
  return t.deps.db
    .selectFrom('audit_entries')
    .select(['action', 'actor_id'])
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
}

/** Flips one byte inside a stored field value (as an attacker with database access would). */
export async function tamper(t: TestApp, table: string, column: string, idColumn: string, id: string) {
  const row = await sql<{
    v: string;
  }>`select ${sql.ref(column)} as v from ${sql.table(table)} where ${sql.ref(idColumn)} = ${id}`.execute(
    t.deps.db,
  );
  const changed = flipByte(row.rows[0]?.v ?? '', 20);
  await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${changed} where ${sql.ref(idColumn)} = ${id}`.execute(
    t.deps.db,
  );
}
