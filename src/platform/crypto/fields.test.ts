import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flipByte } from '../../../test/helpers/tamper.ts';
import { DecryptionError, seal } from './aead.ts';
import { FieldCipher } from './fields.ts';

// Pure tests of the value format: jf1.<keyId>.<base64url(nonce‖ciphertext‖tag)>, AAD = context.
const keys = new Map([
  ['kold', randomBytes(32)],
  ['knew', randomBytes(32)],
]);
const cipher = new FieldCipher(keys, 'knew');
const context = (id: string) => `users.totp_secret:${id}`;

describe('FieldCipher', () => {
  it('round-trips any Unicode string and names the active key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.uuid(), (plaintext, id) => {
        const value = cipher.encrypt(plaintext, context(id));
        expect(cipher.keyIdOf(value)).toBe('knew');
        expect(cipher.decrypt(value, context(id))).toBe(plaintext);
      }),
    );
  });

  it('round-trips lone surrogates as the replacement character, like any UTF-8 text column', () => {
    const value = cipher.encrypt('a\ud800b', context('1'));
    expect(cipher.decrypt(value, context('1'))).toBe('a\ufffdb');
  });

  it('refuses a value with any ciphertext byte flipped', () => {
    const value = cipher.encrypt('JBSWY3DPEHPK3PXP', context('1'));
    const length = Buffer.from(value.split('.')[2] ?? '', 'base64url').length;
    for (let i = 0; i < length; i++) {
      expect(() => cipher.decrypt(flipByte(value, i), context('1'))).toThrow(DecryptionError);
    }
  });

  it('refuses a value relabelled with another key id, known or unknown', () => {
    const value = cipher.encrypt('secret', context('1'));
    expect(() => cipher.decrypt(value.replace('.knew.', '.kold.'), context('1'))).toThrow(DecryptionError);
    expect(() => cipher.decrypt(value.replace('.knew.', '.kgone.'), context('1'))).toThrow(/unknown/);
  });

  it('refuses a value moved to another row (context mismatch)', () => {
    const value = cipher.encrypt('secret', context('1'));
    expect(() => cipher.decrypt(value, context('2'))).toThrow(DecryptionError);
  });

  it('refuses truncated and malformed values', () => {
    const value = cipher.encrypt('secret', context('1'));
    for (const bad of [
      value.slice(0, -4),
      'jf1.knew.',
      'jf1.knew',
      `${value}.x`,
      'plain text',
      `jf2${value.slice(3)}`,
    ]) {
      expect(() => cipher.decrypt(bad, context('1'))).toThrow(DecryptionError);
    }
    const short = seal(randomBytes(32), Buffer.alloc(0), 'x').subarray(0, 20).toString('base64url');
    expect(() => cipher.decrypt(`jf1.knew.${short}`, context('1'))).toThrow(/truncated/);
  });
});
