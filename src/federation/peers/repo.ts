import type { Exec } from '../../platform/db/database.ts';

// The federation_peers table: the nodes this node exchanges messages with.

export type PeerStatus = 'active' | 'suspended' | 'revoked';
export type Peer = {
  id: string;
  country: string;
  name: string;
  baseUrl: string;
  publicKey: Buffer;
  fingerprint: string;
  status: PeerStatus;
  statusReason: string | null;
  createdAt: Date;
  updatedAt: Date;
};

type Row = {
  id: string;
  country: string;
  name: string;
  base_url: string;
  public_key: Buffer;
  fingerprint: string;
  status: PeerStatus;
  status_reason: string | null;
  created_at: Date;
  updated_at: Date;
};

const toPeer = (r: Row): Peer => ({
  id: r.id,
  country: r.country,
  name: r.name,
  baseUrl: r.base_url,
  publicKey: r.public_key,
  fingerprint: r.fingerprint,
  status: r.status,
  statusReason: r.status_reason,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const COLUMNS = [
  'id',
  'country',
  'name',
  'base_url',
  'public_key',
  'fingerprint',
  'status',
  'status_reason',
  'created_at',
  'updated_at',
] as const;

export async function listPeers(db: Exec): Promise<Peer[]> {
  const rows = await db
    .selectFrom('federation_peers')
    .select(COLUMNS)
    .orderBy('country')
    .orderBy('name')
    .execute();
  return rows.map(toPeer);
}

export async function findPeer(db: Exec, id: string): Promise<Peer | undefined> {
  const row = await db.selectFrom('federation_peers').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toPeer(row) : undefined;
}

/** Reads a peer and locks it for a change of status. */
export async function lockPeer(db: Exec, id: string): Promise<Peer | undefined> {
  const row = await db
    .selectFrom('federation_peers')
    .select(COLUMNS)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? toPeer(row) : undefined;
}

export async function findPeerByKey(db: Exec, publicKey: Buffer): Promise<Peer | undefined> {
  const row = await db
    .selectFrom('federation_peers')
    .select(COLUMNS)
    .where('public_key', '=', publicKey)
    .executeTakeFirst();
  return row ? toPeer(row) : undefined;
}

export async function insertPeer(
  db: Exec,
  p: Pick<Peer, 'id' | 'country' | 'name' | 'baseUrl' | 'publicKey' | 'fingerprint'> & {
    origin: 'accepted_invitation' | 'invitation_accepted';
  },
): Promise<void> {
  await db
    .insertInto('federation_peers')
    .values({
      id: p.id,
      country: p.country,
      name: p.name,
      base_url: p.baseUrl,
      public_key: p.publicKey,
      fingerprint: p.fingerprint,
      status: 'active',
      origin: p.origin,
    })
    .execute();
}

export async function setPeerStatus(
  db: Exec,
  id: string,
  status: PeerStatus,
  reason: string | null,
): Promise<void> {
  await db
    .updateTable('federation_peers')
    .set({ status, status_reason: reason, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}
