import { describe, expect, it } from 'vitest';
import { keccak256Hex } from './keccak.ts';
import { eip55 } from './wallets.ts';

describe('keccak256', () => {
  it('matches the published test vectors', () => {
    expect(keccak256Hex('')).toBe('c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
    expect(keccak256Hex('abc')).toBe('4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45');
    // longer than one 136-byte block (cross-checked with @noble/hashes keccak_256)
    expect(keccak256Hex('a'.repeat(200))).toBe(
      '96ea54061def936c4be90b518992fdc6f12f535068a256229aca54267b4d084d',
    );
  });

  it('gives the EIP-55 checksums of the examples in the EIP', () => {
    const examples = [
      '52908400098527886E0F7030069857D2E4169EE7',
      '8617E340B3D01FA5F11F306F4090FD50E238070D',
      'de709f2102306220921060314715629080e2fb77',
      '27b1fdb04752bbc536007a920d24acb045561c26',
      '5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      'fB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
      'dbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
      'D1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
    ];
    for (const address of examples) expect(eip55(address.toLowerCase())).toBe(address);
  });
});
