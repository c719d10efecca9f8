// Checks in the browser that an audit entry is in the log a signed checkpoint commits to, trusting
// none of the server's hashes: the leaf is rebuilt from the entry's fields, hashed as RFC 6962 §2.1
// says (SHA-256 of 0x00‖leaf; a node SHA-256 of 0x01‖left‖right, WebCrypto), and the inclusion
// proof folded up to the root (RFC 9162 §2.1.3.2). The server side is src/platform/audit (leaf.ts,
// merkle.ts); inclusion.test.ts checks this against it and against the RFC 6962 test data.

const HASH_SIZE = 32;

/** The fields an entry's leaf is made of, as GET /api/audit/entries gives them. */
export type LeafEntry = {
  seq: string | number;
  at: string;
  actorId: string | null;
  actor: string;
  action: string;
  recordType: string;
  recordId: string | null;
  digest: string;
};

/** Why a proof failed, as a code the page translates (audit.proof.reasons.*). */
export type FailureReason =
  | 'index_outside_tree'
  | 'bad_hash_size'
  | 'proof_too_long'
  | 'proof_too_short'
  | 'leaf_mismatch'
  | 'root_mismatch';
export type Verdict = { ok: true } | { ok: false; reason: FailureReason };

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    joined.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
}

export const hashLeaf = (leaf: Uint8Array) => sha256(Uint8Array.of(0x00), leaf);
export const hashChildren = (left: Uint8Array, right: Uint8Array) => sha256(Uint8Array.of(0x01), left, right);

/** The leaf's bytes: canonical JSON (keys sorted) of the entry's fields and its index (leaf.ts). */
export function leafBytes(e: LeafEntry): Uint8Array {
  const leaf = {
    action: e.action,
    actor: e.actor,
    actorId: e.actorId,
    at: e.at,
    digest: e.digest,
    index: Number(e.seq),
    recordId: e.recordId,
    recordType: e.recordType,
  };
  return new TextEncoder().encode(JSON.stringify(leaf));
}

export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  if (!/^(?:[0-9a-f]{2})*$/i.test(hex)) return new Uint8Array();
  return Uint8Array.from(hex.match(/../g) ?? [], (byte) => Number.parseInt(byte, 16));
}

export const toHex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The root an inclusion proof leads to from `leafHash` at `index` in a tree of `size` leaves (RFC
 * 9162 §2.1.3.2), or why it leads nowhere.
 */
export async function rootFromInclusion(
  index: bigint,
  size: bigint,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
): Promise<{ ok: true; root: Uint8Array } | { ok: false; reason: FailureReason }> {
  if (index < 0n || index >= size) return { ok: false, reason: 'index_outside_tree' };
  if (leafHash.length !== HASH_SIZE || proof.some((p) => p.length !== HASH_SIZE)) {
    return { ok: false, reason: 'bad_hash_size' };
  }
  let fn = index;
  let sn = size - 1n;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0n) return { ok: false, reason: 'proof_too_long' };
    if ((fn & 1n) === 1n || fn === sn) {
      r = await hashChildren(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = await hashChildren(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return { ok: false, reason: 'proof_too_short' };
  return { ok: true, root: r };
}

/** Does `proof` show the leaf hash at `index` is in the tree of `size` leaves whose root is `root`? */
export async function verifyInclusion(
  index: bigint,
  size: bigint,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Promise<Verdict> {
  const reached = await rootFromInclusion(index, size, leafHash, proof);
  if (!reached.ok) return reached;
  return sameBytes(reached.root, root) ? { ok: true } : { ok: false, reason: 'root_mismatch' };
}

export type EntryCheck = {
  /** The leaf hash rebuilt here from the entry's fields. */
  leafHash: string;
  /** The root the proof leads to from that leaf, when it leads anywhere. */
  computedRoot: string | null;
  verdict: Verdict;
};

/**
 * Checks an entry against a checkpoint's root: rebuilds its leaf hash, compares it with the one the
 * proof was made for (`proofLeafHash`, the server's), and folds the proof up to `root`.
 */
export async function checkEntry(
  entry: LeafEntry,
  proof: { treeSize: string | number; leafHash: string; proof: readonly string[] },
  root: string,
): Promise<EntryCheck> {
  const leafHash = await hashLeaf(leafBytes(entry));
  const hex = toHex(leafHash);
  if (hex !== proof.leafHash)
    return { leafHash: hex, computedRoot: null, verdict: { ok: false, reason: 'leaf_mismatch' } };
  const reached = await rootFromInclusion(
    BigInt(entry.seq),
    BigInt(proof.treeSize),
    leafHash,
    proof.proof.map(fromHex),
  );
  if (!reached.ok) return { leafHash: hex, computedRoot: null, verdict: reached };
  const computedRoot = toHex(reached.root);
  const verdict: Verdict = computedRoot === root ? { ok: true } : { ok: false, reason: 'root_mismatch' };
  return { leafHash: hex, computedRoot, verdict };
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return new Uint8Array();
  }
}

/** `unchecked`: this browser's WebCrypto has no Ed25519, so the signature could not be checked. */
export type SignatureCheck = 'verified' | 'failed' | 'unchecked';

/**
 * Does the checkpoint's signed note ("<origin>\n<size>\n<base64 root>\n", C2SP tlog-checkpoint)
 * state its tree size and root, and does its Ed25519 signature verify with the node's key?
 */
export async function checkSignedTreeHead(c: {
  treeSize: string | number;
  rootHash: string;
  note: string;
  signature: string;
  publicKey: string;
}): Promise<SignatureCheck> {
  const m = /^[^\n]+\n(0|[1-9][0-9]*)\n([A-Za-z0-9+/]{43}=)\n$/.exec(c.note);
  if (!m || m[1] !== String(c.treeSize) || toHex(fromBase64(m[2] ?? '')) !== c.rootHash) return 'failed';
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('raw', fromBase64(c.publicKey), { name: 'Ed25519' }, false, [
      'verify',
    ]);
  } catch (error) {
    // A browser without Ed25519 says NotSupportedError; a malformed key is a failure.
    return error instanceof DOMException && error.name === 'NotSupportedError' ? 'unchecked' : 'failed';
  }
  const signed = new TextEncoder().encode(c.note);
  const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64(c.signature), signed);
  return ok ? 'verified' : 'failed';
}
