import type { Actor } from '../platform/audit/append.ts';
import type { Principal } from '../platform/http/policy.ts';

// Who acts on a referral: a logged-in user of this node, or a peer node (inbound messages).

export type ReferralActor = Pick<Principal, 'userId' | 'username' | 'displayName' | 'agencyId' | 'roles'>;

export const userActor = (a: ReferralActor): Actor => ({ id: a.userId, label: a.username });
export const peerActor = (peer: { id: string; country: string }): Actor => ({
  id: null,
  label: `peer:${peer.country}:${peer.id}`,
});
