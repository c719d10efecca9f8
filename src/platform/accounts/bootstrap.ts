import { appendAudit, SYSTEM_ACTOR } from '../audit/append.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';

export type FirstAdmin = { username: string; oneTimePassword: string | undefined };

/**
 * On a new node, creates the first agency and administrator. The password comes from
 * JARING_ADMIN_PASSWORD, or is generated, returned once for printing, and must be changed at login.
 */
export async function ensureFirstAdmin(db: Db, config: Config): Promise<FirstAdmin | undefined> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return undefined;
  const generated = config.adminPassword ? undefined : generatePassword();
  const passwordHash = await hashPassword(config.adminPassword ?? generated ?? '');
  return db.transaction().execute(async (tx) => {
    // Serialise concurrent first starts; the loser finds the user and does nothing.
    await tx.selectFrom('node').select('id').forUpdate().execute();
    if (await tx.selectFrom('users').select('id').limit(1).executeTakeFirst()) return undefined;
    const agency = await tx
      .insertInto('agencies')
      .values({
        name: `${config.nodeName} administration`,
        org_type: 'CentralGovernmentOrganisation',
        country: config.nodeCountry,
      })
      .onConflict((oc) => oc.column('name').doUpdateSet({ updated_at: new Date() }))
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await tx
      .insertInto('users')
      .values({
        agency_id: agency.id,
        username: config.adminUsername,
        display_name: 'Administrator',
        password_hash: passwordHash,
        roles: ['administrator'],
        must_change_password: generated !== undefined,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: 'agency.create',
      recordType: 'agency',
      recordId: agency.id,
      change: { name: `${config.nodeName} administration`, orgType: 'CentralGovernmentOrganisation' },
    });
    await appendAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: 'user.create',
      recordType: 'user',
      recordId: user.id,
      change: { username: config.adminUsername, roles: ['administrator'] },
    });
    return { username: config.adminUsername, oneTimePassword: generated };
  });
}
