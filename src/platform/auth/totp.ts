import { Secret, TOTP } from 'otpauth';

// RFC 6238 TOTP (SHA-1, 6 digits, 30 s), accepting one step of clock drift either way.
// A code's time step is remembered so the same code cannot be used twice.
const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({ issuer: 'Jaring', label, secret: Secret.fromBase32(secret), digits: 6, period: PERIOD });
}

export function totpUri(secret: string, label: string): string {
  return totpFor(secret, label).toString();
}

export function currentTotp(secret: string, at = Date.now()): string {
  return totpFor(secret, 'x').generate({ timestamp: at });
}

/** Returns the matched time step, or undefined when the code is wrong or was already used. */
export function checkTotp(
  secret: string,
  code: string,
  lastStep: number | null,
  at = Date.now(),
): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totpFor(secret, 'x').validate({ token: code, timestamp: at, window: 1 });
  if (delta === null) return undefined;
  const step = Math.floor(at / 1000 / PERIOD) + delta;
  return lastStep !== null && step <= lastStep ? undefined : step;
}
