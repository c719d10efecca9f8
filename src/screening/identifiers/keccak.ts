// Keccak-256 (the original Keccak padding used by Ethereum, not NIST SHA3-256), for EIP-55
// address checksums. node:crypto has only sha3-256, which pads differently.
// Lanes are 64-bit, held as two 32-bit halves: state[2i] = low, state[2i+1] = high.

const ROUND_CONSTANTS_HI = new Uint32Array([
  0x00000000, 0x00000000, 0x80000000, 0x80000000, 0x00000000, 0x00000000, 0x80000000, 0x80000000, 0x00000000,
  0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000,
  0x00000000, 0x80000000, 0x80000000, 0x80000000, 0x00000000, 0x80000000,
]);
const ROUND_CONSTANTS_LO = new Uint32Array([
  0x00000001, 0x00008082, 0x0000808a, 0x80008000, 0x0000808b, 0x80000001, 0x80008081, 0x00008009, 0x0000008a,
  0x00000088, 0x80008009, 0x8000000a, 0x8000808b, 0x0000008b, 0x00008089, 0x00008003, 0x00008002, 0x00000080,
  0x0000800a, 0x8000000a, 0x80008081, 0x00008080, 0x80000001, 0x80008008,
]);
// Rotation offsets by lane index x + 5y.
const ROTATIONS = [
  0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14,
];

const RATE = 136; // bytes: 1600 - 2 × 256 bits

function permute(s: Uint32Array): void {
  const c = new Uint32Array(10);
  const b = new Uint32Array(50);
  for (let round = 0; round < 24; round++) {
    // θ
    for (let x = 0; x < 5; x++) {
      c[2 * x] =
        (s[2 * x] ?? 0) ^
        (s[2 * x + 10] ?? 0) ^
        (s[2 * x + 20] ?? 0) ^
        (s[2 * x + 30] ?? 0) ^
        (s[2 * x + 40] ?? 0);
      c[2 * x + 1] =
        (s[2 * x + 1] ?? 0) ^
        (s[2 * x + 11] ?? 0) ^
        (s[2 * x + 21] ?? 0) ^
        (s[2 * x + 31] ?? 0) ^
        (s[2 * x + 41] ?? 0);
    }
    for (let x = 0; x < 5; x++) {
      const prev = (x + 4) % 5;
      const next = (x + 1) % 5;
      const nLo = c[2 * next] ?? 0;
      const nHi = c[2 * next + 1] ?? 0;
      const dLo = (c[2 * prev] ?? 0) ^ ((nLo << 1) | (nHi >>> 31));
      const dHi = (c[2 * prev + 1] ?? 0) ^ ((nHi << 1) | (nLo >>> 31));
      for (let y = 0; y < 25; y += 5) {
        const i = 2 * (x + y);
        s[i] = (s[i] ?? 0) ^ dLo;
        s[i + 1] = (s[i + 1] ?? 0) ^ dHi;
      }
    }
    // ρ and π: B[y, 2x + 3y] = rot(A[x, y])
    for (let x = 0; x < 5; x++) {
      for (let y = 0; y < 5; y++) {
        const from = x + 5 * y;
        const to = y + 5 * ((2 * x + 3 * y) % 5);
        rotate(s[2 * from] ?? 0, s[2 * from + 1] ?? 0, ROTATIONS[from] ?? 0, b, 2 * to);
      }
    }
    // χ
    for (let y = 0; y < 25; y += 5) {
      for (let x = 0; x < 5; x++) {
        const i = 2 * (x + y);
        const i1 = 2 * (((x + 1) % 5) + y);
        const i2 = 2 * (((x + 2) % 5) + y);
        s[i] = (b[i] ?? 0) ^ (~(b[i1] ?? 0) & (b[i2] ?? 0));
        s[i + 1] = (b[i + 1] ?? 0) ^ (~(b[i1 + 1] ?? 0) & (b[i2 + 1] ?? 0));
      }
    }
    // ι
    s[0] = (s[0] ?? 0) ^ (ROUND_CONSTANTS_LO[round] ?? 0);
    s[1] = (s[1] ?? 0) ^ (ROUND_CONSTANTS_HI[round] ?? 0);
  }
}

function rotate(lo: number, hi: number, n: number, out: Uint32Array, at: number): void {
  if (n === 0) {
    out[at] = lo;
    out[at + 1] = hi;
  } else if (n < 32) {
    out[at] = (lo << n) | (hi >>> (32 - n));
    out[at + 1] = (hi << n) | (lo >>> (32 - n));
  } else if (n === 32) {
    out[at] = hi;
    out[at + 1] = lo;
  } else {
    const m = n - 32;
    out[at] = (hi << m) | (lo >>> (32 - m));
    out[at + 1] = (lo << m) | (hi >>> (32 - m));
  }
}

export function keccak256(data: Uint8Array): Uint8Array {
  const state = new Uint32Array(50);
  const padded = new Uint8Array((Math.floor(data.length / RATE) + 1) * RATE);
  padded.set(data);
  padded[data.length] = (padded[data.length] ?? 0) ^ 0x01;
  padded[padded.length - 1] = (padded[padded.length - 1] ?? 0) ^ 0x80;
  const view = new DataView(padded.buffer);
  for (let offset = 0; offset < padded.length; offset += RATE) {
    for (let i = 0; i < RATE / 4; i++) state[i] = (state[i] ?? 0) ^ view.getUint32(offset + 4 * i, true);
    permute(state);
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(4 * i, state[i] ?? 0, true);
  return out;
}

export function keccak256Hex(text: string): string {
  return Buffer.from(keccak256(new TextEncoder().encode(text))).toString('hex');
}
