import { randomBytes } from 'node:crypto';
import { findUserById, findUserByUsername, type UserRow, updateUser } from '../accounts/repo.ts';
import { appendAudit } from '../audit/append.ts';
import type { Config } from '../config.ts';
import type { FieldCipher } from '../crypto/fields.ts';
import type { Db, Exec } from '../db/database.ts';
import { HttpError, invalid } from '../http/errors.ts';
import type { Principal } from '../http/policy.ts';
import { decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import { countAttempt, deleteSession, deleteSessionsOf, insertSession } from './repo.ts';
import { hashSecret, newSecret } from './secrets.ts';
import { checkTotp, newTotpSecret, totpUri } from './totp.ts';

export const LOGIN_ATTEMPTS_PER_MINUTE = 20;

const wrongCredentials = () =>
  new HttpError(401, 'invalid_credentials', 'The username or password is wrong.');

export function totpContext(userId: string): string {
  return `users.totp_secret:${userId}`;
}

export type LoginInput = { username: string; password: string; totp?: string | undefined; clientKey: string };
export type LoginResult = { user: UserRow; sessionSecret: string; csrfToken: string; expiresAt: Date };

async function recordFailure(db: Db, user: UserRow, config: Config): Promise<void> {
  const failures = user.failed_logins + 1;
  if (failures < config.loginMaxFailures) {
    await updateUser(db, user.id, { failed_logins: failures });
    return;
  }
  const until = new Date(Date.now() + config.loginLockoutMinutes * 60_000);
  await db.transaction().execute(async (tx) => {
    await updateUser(tx, user.id, { failed_logins: 0, locked_until: until });
    await appendAudit(tx, {
      actor: { id: null, label: 'system' },
      action: 'user.lock',
      recordType: 'user',
      recordId: user.id,
      change: { lockedUntil: until, reason: 'too many failed logins' },
    });
  });
}

/** Password (and, when enabled, TOTP) login. Throttled per client address; locks the account after repeated failures. */
export async function login(
  db: Db,
  config: Config,
  cipher: FieldCipher,
  input: LoginInput,
): Promise<LoginResult> {
  if ((await countAttempt(db, `addr:${input.clientKey}`, 60)) > LOGIN_ATTEMPTS_PER_MINUTE) {
    throw new HttpError(
      429,
      'rate_limited',
      'Too many login attempts from this address. Wait a minute and try again.',
    );
  }
  const user = await findUserByUsername(db, input.username);
  if (!user || user.disabled) {
    await verifyPassword(await decoyHash(), input.password);
    throw wrongCredentials();
  }
  if (user.locked_until && user.locked_until > new Date()) {
    throw new HttpError(
      401,
      'locked',
      'This account is locked after too many failed logins. Try again later.',
    );
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await recordFailure(db, user, config);
    throw wrongCredentials();
  }
  let totpStep: number | undefined;
  if (user.totp_enabled && user.totp_secret_enc) {
    if (!input.totp)
      throw new HttpError(401, 'totp_required', 'Enter the six-digit code from your authenticator app.');
    const secret = cipher.decrypt(user.totp_secret_enc, totpContext(user.id));
    totpStep = checkTotp(
      secret,
      input.totp,
      user.totp_last_step === null ? null : Number(user.totp_last_step),
    );
    if (totpStep === undefined) {
      await recordFailure(db, user, config);
      throw new HttpError(401, 'invalid_totp', 'The authenticator code is wrong or was already used.');
    }
  }
  const sessionSecret = newSecret();
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + config.sessionHours * 3_600_000);
  await db.transaction().execute(async (tx) => {
    await updateUser(tx, user.id, {
      failed_logins: 0,
      locked_until: null,
      ...(totpStep === undefined ? {} : { totp_last_step: totpStep }),
    });
    await insertSession(tx, { idHash: hashSecret(sessionSecret), userId: user.id, csrfToken, expiresAt });
    await appendAudit(tx, {
      actor: { id: user.id, label: user.username },
      action: 'session.create',
      recordType: 'user',
      recordId: user.id,
      change: { expiresAt, secondFactor: totpStep !== undefined },
    });
  });
  return { user, sessionSecret, csrfToken, expiresAt };
}

export async function logout(db: Db, principal: Principal): Promise<void> {
  const idHash = principal.sessionIdHash;
  if (!idHash) return;
  await db.transaction().execute(async (tx) => {
    await deleteSession(tx, idHash);
    await appendAudit(tx, {
      actor: { id: principal.userId, label: principal.username },
      action: 'session.delete',
      recordType: 'user',
      recordId: principal.userId,
      change: null,
    });
  });
}

export async function currentUser(db: Exec, principal: Principal): Promise<UserRow> {
  const user = await findUserById(db, principal.userId);
  if (!user) throw new HttpError(401, 'unauthenticated', 'Log in first.');
  return user;
}

export async function changePassword(
  db: Db,
  principal: Principal,
  current: string,
  next: string,
): Promise<void> {
  const user = await currentUser(db, principal);
  if (!(await verifyPassword(user.password_hash, current))) {
    throw invalid(
      'The current password is wrong.',
      [{ path: 'currentPassword', code: 'wrong_password', message: 'is wrong' }],
      { code: 'wrong_password' },
    );
  }
  if (current === next) {
    throw invalid('The new password must differ from the current one.', [
      { path: 'newPassword', code: 'same_password', message: 'must differ from the current password' },
    ]);
  }
  const passwordHash = await hashPassword(next);
  await db.transaction().execute(async (tx) => {
    await updateUser(tx, user.id, { password_hash: passwordHash, must_change_password: false });
    // Other sessions end; the one that changed the password stays.
    await deleteSessionsOf(tx, user.id, principal.sessionIdHash);
    await appendAudit(tx, {
      actor: { id: user.id, label: user.username },
      action: 'user.password_change',
      recordType: 'user',
      recordId: user.id,
      change: { at: new Date() },
    });
  });
}

export async function setupTotp(db: Db, cipher: FieldCipher, principal: Principal) {
  const user = await currentUser(db, principal);
  if (user.totp_enabled)
    throw new HttpError(409, 'conflict', 'Two-factor login is already on. Turn it off first.');
  const secret = newTotpSecret();
  await db.transaction().execute(async (tx) => {
    await updateUser(tx, user.id, {
      totp_secret_enc: cipher.encrypt(secret, totpContext(user.id)),
      totp_last_step: null,
    });
    await appendAudit(tx, {
      actor: { id: user.id, label: user.username },
      action: 'user.totp_setup',
      recordType: 'user',
      recordId: user.id,
      change: null,
    });
  });
  return { secret, otpauthUrl: totpUri(secret, user.username) };
}

export async function setTotpEnabled(
  db: Db,
  cipher: FieldCipher,
  principal: Principal,
  code: string,
  enabled: boolean,
) {
  const user = await currentUser(db, principal);
  if (!user.totp_secret_enc) throw new HttpError(409, 'conflict', 'Set up two-factor login first.');
  if (user.totp_enabled === enabled) {
    throw new HttpError(
      409,
      'conflict',
      enabled ? 'Two-factor login is already on.' : 'Two-factor login is already off.',
    );
  }
  const secret = cipher.decrypt(user.totp_secret_enc, totpContext(user.id));
  const step = checkTotp(secret, code, user.totp_last_step === null ? null : Number(user.totp_last_step));
  if (step === undefined) {
    throw invalid(
      'The authenticator code is wrong or was already used.',
      [{ path: 'code', code: 'wrong_totp', message: 'is wrong or was already used' }],
      { code: 'invalid_totp' },
    );
  }
  await db.transaction().execute(async (tx) => {
    await updateUser(tx, user.id, {
      totp_enabled: enabled,
      totp_last_step: step,
      ...(enabled ? {} : { totp_secret_enc: null }),
    });
    await appendAudit(tx, {
      actor: { id: user.id, label: user.username },
      action: enabled ? 'user.totp_enable' : 'user.totp_disable',
      recordType: 'user',
      recordId: user.id,
      change: null,
    });
  });
}
