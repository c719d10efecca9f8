import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import { DecryptionError, open, seal } from '../crypto/aead.ts';
import type { Exec } from '../db/database.ts';
import type { NodeIdentity } from '../http/context.ts';

// The node's Ed25519 key signs audit checkpoints and federation messages. Its private half is
// stored sealed under the master key.
export const NODE_KEY_CONTEXT = 'node.private_key';

function rawPublicKey(spkiDer: Buffer): Buffer {
  return spkiDer.subarray(spkiDer.length - 32);
}

export async function ensureNodeIdentity(db: Exec, master: Buffer, config: Config): Promise<NodeIdentity> {
  const existing = await db.selectFrom('node').selectAll().executeTakeFirst();
  if (existing) {
    let der: Buffer;
    try {
      der = open(master, Buffer.from(existing.private_key_enc, 'base64'), NODE_KEY_CONTEXT);
    } catch {
      throw new DecryptionError(
        "the node's private key cannot be unsealed: JARING_MASTER_KEY (or master.key) is not the key this node was created with",
      );
    }
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    return {
      id: existing.id,
      name: existing.name,
      country: existing.country,
      publicKey: existing.public_key,
      privateKey,
    };
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  const identity: NodeIdentity = {
    id: randomUUID(),
    name: config.nodeName,
    country: config.nodeCountry,
    publicKey: rawPublicKey(createPublicKey(privateKey).export({ format: 'der', type: 'spki' })),
    privateKey,
  };
  await db
    .insertInto('node')
    .values({
      id: identity.id,
      name: identity.name,
      country: identity.country,
      public_key: identity.publicKey,
      private_key_enc: seal(master, pkcs8, NODE_KEY_CONTEXT).toString('base64'),
    })
    .onConflict((oc) => oc.column('singleton').doNothing())
    .execute();
  // Two processes starting together: whichever inserted first wins; read back the winner.
  return ensureNodeIdentity(db, master, config);
}
