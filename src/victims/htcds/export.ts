import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { type AuditEvent, appendAudit, appendAuditBatch } from '../../platform/audit/append.ts';
import type { Role } from '../../platform/auth/roles.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { isCaseworker } from '../cases/policy.ts';
import { decideSharing } from '../consent/service.ts';
import type { Category, Purpose } from '../consent/types.ts';
import { maySeeCaseNarratives, personView } from '../policy.ts';
import { findPersons } from '../repo.ts';
import { pseudonymOf, searchKeys } from '../search-keys.ts';
import { htcdsColumns, htcdsHeader } from './fields.ts';
import { renderRow } from './plain.ts';
import * as repo from './repo.ts';
import { type SheetWriter, sheetWriter } from './sheet.ts';
import type { HtcdsFormat } from './source.ts';
import { plainCase, plainEvent, plainItem, plainPerson, plainPlan, type View } from './stored.ts';
import type { Who } from './write.ts';

// An HTCDS export: one row per person in a case, per person in no case, and per case with no
// person, sorted by the row's keys. One transaction reads a consistent snapshot and writes the
// audit entries (every person and case exported, and the file's SHA-256), so the file and its
// trail agree. Identities are an identity read: only identity readers get them (policy.ts).

export type Recipient = { country: string; agency: string | null; purpose: Exclude<Purpose, 'services'> };
export type ExportOptions = { format: HtcdsFormat; recipient?: Recipient };
export type ExportReport = {
  rows: number;
  persons: number;
  cases: number;
  /** Persons left out because their consent does not cover the recipient (sharing exports only). */
  withheld: number;
  view: 'identity' | 'pseudonym' | 'mixed';
  sha256: string;
};

const PAGE = 500;

/** The consent categories a row of this view carries: a share needs every one of them allowed. */
function categoriesOf(identity: boolean): Category[] {
  return identity ? ['identity', 'assessment', 'case_history'] : ['assessment', 'case_history'];
}

async function allowedPersons(
  tx: Tx,
  cipher: FieldCipher,
  who: Who,
  recipient: Recipient,
  persons: { id: string; identity: boolean }[],
): Promise<Set<string>> {
  const allowed = new Set<string>();
  for (const p of persons) {
    let ok = true;
    for (const category of categoriesOf(p.identity)) {
      const answer = await decideSharing(tx, cipher, who, {
        personId: p.id,
        category,
        purpose: recipient.purpose,
        recipient: { country: recipient.country, agency: recipient.agency },
      });
      if (!answer.allowed) {
        ok = false;
        break;
      }
    }
    if (ok) allowed.add(p.id);
  }
  return allowed;
}

export async function exportHtcds(
  deps: { db: Db; cipher: FieldCipher },
  who: Who & { roles: readonly Role[] },
  options: ExportOptions,
  out: Writable,
): Promise<ExportReport> {
  const { cipher } = deps;
  const keys = await searchKeys(deps.db, cipher);
  const narratives = maySeeCaseNarratives(who.roles);
  const hash = createHash('sha256');
  const sheet: SheetWriter = sheetWriter(options.format, out, (chunk) => hash.update(chunk));
  const columns = htcdsColumns();
  return deps.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      // Cases are a caseworker's; anyone else has only those they own or are on the team of.
      const visibleTo = isCaseworker(who.roles) ? undefined : who.userId;
      const index = await repo.exportIndex(tx, who.agencyId, visibleTo);
      const people = index.persons.map((p) => {
        const identity =
          personView(who.roles, { hasVictimContext: p.victim, hasPerpetratorContext: p.perpetrator }) ===
          'identity';
        return {
          id: p.id,
          identity,
          key: identity ? (p.external_id ?? repo.ownKey(p.id)) : pseudonymOf(keys, p.id),
        };
      });
      const allowed = options.recipient
        ? await allowedPersons(tx, cipher, who, options.recipient, people)
        : new Set(people.map((p) => p.id));
      const personKey = new Map(people.map((p) => [p.id, p]));
      const caseKey = new Map(index.cases.map((c) => [c.id, c.external_id ?? repo.ownKey(c.id)]));
      // A sharing export carries persons' rows only: a case with no person has no consent to ask.
      const rows = index.rows
        .filter((r) => (r.person_id === null ? !options.recipient : allowed.has(r.person_id)))
        .map((r) => ({
          ...r,
          pk: r.person_id ? (personKey.get(r.person_id)?.key ?? '') : '',
          ck: r.case_id ? (caseKey.get(r.case_id) ?? '') : '',
        }))
        .sort((a, b) => (a.pk < b.pk ? -1 : a.pk > b.pk ? 1 : a.ck < b.ck ? -1 : a.ck > b.ck ? 1 : 0));

      await sheet.row(htcdsHeader());
      const events: AuditEvent[] = [];
      const actor = { id: who.userId, label: who.username };
      const exportedPersons = new Set<string>();
      const exportedCases = new Set<string>();
      for (let i = 0; i < rows.length; i += PAGE) {
        const page = rows.slice(i, i + PAGE);
        const pIds = [...new Set(page.flatMap((r) => (r.person_id ? [r.person_id] : [])))];
        const cIds = [...new Set(page.flatMap((r) => (r.case_id ? [r.case_id] : [])))];
        const records = new Map((await findPersons(tx, who.agencyId, pIds)).map((r) => [r.person.id, r]));
        const consents = await repo.interviewConsents(tx, pIds);
        const cases = new Map((await repo.casesByIds(tx, who.agencyId, cIds)).map((c) => [c.id, c]));
        const referrals = await repo.referralsOf(tx, cIds);
        const comments = await repo.latestComments(tx, cIds);
        const links = new Map(
          (await repo.linksOf(tx, cIds)).map((l) => [`${l.case_id}/${l.person_id}`, l.role]),
        );
        const events_ = new Map(
          (await repo.firstEvents(tx, pIds)).map((e) => [`${e.person_id}/${e.case_id ?? ''}`, e]),
        );
        const plans = new Map(
          (await repo.firstPlans(tx, cIds)).map((p) => [`${p.case_id}/${p.person_id}`, p]),
        );
        const items = await repo.firstItems(
          tx,
          [...plans.values()].map((p) => p.id),
        );
        const orgIds = [
          ...[...records.values()].flatMap((r) => [
            r.victim?.location_of_recruitment_id,
            r.victim?.location_of_exploitation_id,
            r.perpetrator?.organisation_id,
          ]),
          ...[...referrals.values()].flatMap((r) => [
            r.referring_organisation_id,
            r.referred_organisation_id,
          ]),
        ].filter((id): id is string => typeof id === 'string');
        const orgs = await repo.organisationsByIds(tx, who.agencyId, orgIds);

        for (const r of page) {
          const tampered: string[] = [];
          const record = r.person_id ? records.get(r.person_id) : undefined;
          const known = r.person_id ? personKey.get(r.person_id) : undefined;
          const view: View = { identity: known?.identity === true, narratives };
          const person =
            record && known
              ? plainPerson(
                  cipher,
                  record,
                  { key: known.key, conConsent: consents.get(record.person.id) ?? null, orgs, view },
                  tampered,
                )
              : undefined;
          const c = r.case_id ? cases.get(r.case_id) : undefined;
          const casePlain =
            c && r.case_id
              ? plainCase(
                  cipher,
                  c,
                  {
                    key: r.ck,
                    referral: referrals.get(c.id),
                    comment: comments.get(c.id),
                    orgs,
                    view: { identity: true, narratives },
                  },
                  tampered,
                )
              : undefined;
          const pair = `${r.case_id}/${r.person_id}`;
          const plan = plans.get(pair);
          await sheet.row(
            renderRow(columns, {
              ...person,
              ...casePlain,
              link: r.person_id && r.case_id ? { role: links.get(pair) ?? null } : null,
              event: r.person_id
                ? plainEvent(cipher, events_.get(`${r.person_id}/${r.case_id ?? ''}`), view, tampered)
                : null,
              plan: plainPlan(cipher, plan, view, tampered),
              item: plainItem(plan ? items.get(plan.id) : undefined),
            }),
          );
          if (r.person_id && !exportedPersons.has(r.person_id)) {
            exportedPersons.add(r.person_id);
            events.push({
              actor,
              action: 'person.export',
              recordType: 'person',
              recordId: r.person_id,
              change: { view: view.identity ? 'identity' : 'pseudonym', narratives },
            });
          }
          if (r.case_id && !exportedCases.has(r.case_id)) {
            exportedCases.add(r.case_id);
            events.push({
              actor,
              action: 'case.export',
              recordType: 'case',
              recordId: r.case_id,
              change: { narratives },
            });
          }
          if (tampered.length > 0) {
            events.push({
              actor,
              action: 'htcds.export_tamper_detected',
              recordType: r.person_id ? 'person' : 'case',
              recordId: r.person_id ?? r.case_id,
              change: { tampered },
            });
          }
        }
        await appendAuditBatch(tx, events.splice(0));
      }
      await sheet.close();
      const views = new Set(people.filter((p) => allowed.has(p.id)).map((p) => p.identity));
      const report: ExportReport = {
        rows: rows.length,
        persons: exportedPersons.size,
        cases: exportedCases.size,
        withheld: people.length - allowed.size,
        view: views.size > 1 ? 'mixed' : views.has(false) ? 'pseudonym' : 'identity',
        sha256: hash.digest('hex'),
      };
      await appendAudit(tx, {
        actor,
        action: 'htcds.export',
        recordType: 'export',
        recordId: null,
        change: { format: options.format, recipient: options.recipient ?? null, ...report },
      });
      return report;
    });
}
