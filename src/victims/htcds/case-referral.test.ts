import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { call, openCaseWith, registerPerson, rowCount } from '../../../test/helpers/cases.ts';
import { auditActions, loginInOtherAgency, refusal, tamper } from '../../../test/helpers/victims.ts';

// The HTCDS Referral Details of a case through the API: set, read by role, checked, exported.

let t: TestApp;
let caseworker: TestClient;
let focalPoint: TestClient;
let investigator: TestClient;
let outsider: TestClient;
let caseId: string;
let shelterId: string;
let policeId: string;
let theirsId: string;

const path = () => `/api/victims/cases/${caseId}/referral-details`;

beforeAll(async () => {
  t = await createTestApp();
  caseworker = await t.loginAs(['caseworker']);
  focalPoint = await t.loginAs(['referral_focal_point']);
  investigator = await t.loginAs(['investigator']);
  outsider = await loginInOtherAgency(t, ['caseworker']);
  caseId = await openCaseWith(caseworker, [await registerPerson(caseworker)]);
  for (const userId of [investigator.userId, focalPoint.userId]) {
    await call(caseworker, 'POST', `/api/victims/cases/${caseId}/team`, 201, { userId });
  }
  const org = async (client: TestClient, name: string) =>
    (await call(client, 'POST', '/api/victims/organisations', 201, { name, type: 'NGO' })).organisation.id;
  shelterId = await org(caseworker, 'Baan Kredtrakarn Shelter');
  policeId = await org(caseworker, 'Anti-Trafficking Division, Mae Sot');
  theirsId = await org(outsider, 'Another agency’s shelter');
});
afterAll(async () => t?.close());

const details = () => ({
  referringOrganisationId: policeId,
  incomingReferralDate: '2026-03-02',
  referringPrimaryCaseWorker: 'Pol. Lt. Suda Kaewmanee',
  reasonForIncomingReferral: 'AdditionalServicesRequired',
  incomingReferralDetails: 'Rescued from a compound in Myawaddy; needs shelter and an interpreter.',
  referredOrganisationId: shelterId,
  referredPrimaryCaseWorker: 'Khun Malee',
  reasonForOutgoingReferral: 'MigrationOrChangeOfLocation',
  outgoingReferralDate: '2026-03-05',
  outgoingReferralDetails: 'Moved to the shelter in Bangkok for safety.',
});

describe('case referral details', () => {
  it('starts empty, is set by a caseworker, and shows the sealed fields only to those who refer', async () => {
    const empty = await call(caseworker, 'GET', path(), 200);
    expect(empty.referralDetails).toMatchObject({
      caseId,
      referredOrganisationId: null,
      outgoingReferralDetails: null,
    });

    const set = await call(caseworker, 'PUT', path(), 200, details());
    expect(set.referralDetails).toMatchObject({
      ...details(),
      integrity: { status: 'ok', tamperedFields: [] },
    });
    expect((await call(focalPoint, 'GET', path(), 200)).referralDetails).toMatchObject(details());

    const seen = (await call(investigator, 'GET', path(), 200)).referralDetails;
    expect(seen).toMatchObject({ referredOrganisationId: shelterId, outgoingReferralDate: '2026-03-05' });
    for (const hidden of [
      'referringPrimaryCaseWorker',
      'incomingReferralDetails',
      'outgoingReferralDetails',
    ]) {
      expect(seen).not.toHaveProperty(hidden);
    }

    const { rows } = await t.database.pool.query('select * from htcds_case_referrals where case_id = $1', [
      caseId,
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Suda|Myawaddy|Malee|Bangkok/);
    const actions = (await auditActions(t, caseId)).map((a) => a.action);
    expect(actions).toContain('case.referral_details.update');
    expect(actions.filter((a) => a === 'case.referral_details.read')).toHaveLength(3);
  });

  it('goes into the HTCDS export, with the organisations by name', async () => {
    const csv = await (await caseworker.request('GET', '/api/victims/htcds/export?format=csv')).text();
    expect(csv).toContain('Baan Kredtrakarn Shelter');
    expect(csv).toContain('MigrationOrChangeOfLocation');
    expect(csv).toContain('Moved to the shelter in Bangkok for safety.');
  });

  it('refuses another agency’s organisation, an unknown reason and a future date, writing nothing', async () => {
    const before = await rowCount(t, 'audit_entries');
    const put = (body: object) => caseworker.request('PUT', path(), body);
    expect(await refusal(await put({ ...details(), referredOrganisationId: theirsId }), 400)).toEqual({
      code: 'bad_request',
      paths: ['referredOrganisationId'],
    });
    expect((await refusal(await put({ reasonForIncomingReferral: 'Because' }), 400)).paths).toEqual([
      'reasonForIncomingReferral',
    ]);
    const future = await put({ outgoingReferralDate: '2999-01-01' });
    expect(future.status).toBe(400);
    // Coded, so the web says it in the reader's language.
    expect((await future.json()).error.fields).toEqual([
      { path: 'outgoingReferralDate', code: 'in_future', message: 'is in the future' },
    ]);
    expect((await refusal(await put({ referredOrganisation: 'by name' }), 400)).code).toBe(
      'validation_failed',
    );
    expect(await rowCount(t, 'audit_entries')).toBe(before);
    expect((await call(caseworker, 'GET', path(), 200)).referralDetails).toMatchObject(details());
  });

  it('refuses malformed JSON, a lone surrogate, a NUL and text over its limit, writing nothing', async () => {
    const before = await rowCount(t, 'audit_entries');
    const stored = (await call(caseworker, 'GET', path(), 200)).referralDetails;
    for (const body of ['{"outgoingReferralDetails": ', '[1,]', '\u0000']) {
      expect((await refusal(await caseworker.request('PUT', path(), body), 400)).code).toBe('malformed_body');
    }
    const fields: [object, string][] = [
      [{ incomingReferralDetails: 'ok \ud800 broken' }, 'incomingReferralDetails'],
      [{ referredPrimaryCaseWorker: 'a\u0000b' }, 'referredPrimaryCaseWorker'],
      [{ outgoingReferralDetails: 'x'.repeat(4001) }, 'outgoingReferralDetails'],
      [{ referringOrganisationId: "1'; drop table htcds_case_referrals; --" }, 'referringOrganisationId'],
    ];
    for (const [body, field] of fields) {
      expect((await refusal(await caseworker.request('PUT', path(), body), 400)).paths).toEqual([field]);
    }
    // The reads above are audited; nothing else was written.
    expect(await rowCount(t, 'audit_entries')).toBe(before + 1);
    expect((await call(caseworker, 'GET', path(), 200)).referralDetails).toEqual({ ...stored });
  });

  it('is not found for another agency, and refused to roles that may not change cases', async () => {
    await refusal(await outsider.request('GET', path()), 404);
    await refusal(await outsider.request('PUT', path(), {}), 404);
    await refusal(await investigator.request('PUT', path(), {}), 403);
  });

  it('reports a tampered sealed field instead of showing it', async () => {
    await tamper(t, 'htcds_case_referrals', 'incoming_referral_details_enc', 'case_id', caseId);
    const read = (await call(caseworker, 'GET', path(), 200)).referralDetails;
    expect(read.incomingReferralDetails).toBeNull();
    expect(read.integrity).toEqual({ status: 'tampered', tamperedFields: ['incomingReferralDetails'] });
    expect((await auditActions(t, caseId)).map((a) => a.action)).toContain('case.tamper_detected');
  });

  it('clears every field left out of a PUT', async () => {
    const cleared = (await call(focalPoint, 'PUT', path(), 200, { referredOrganisationId: shelterId }))
      .referralDetails;
    expect(cleared).toMatchObject({
      referredOrganisationId: shelterId,
      referringOrganisationId: null,
      incomingReferralDetails: null,
    });
    expect(cleared.integrity.status).toBe('ok');
  });
});
