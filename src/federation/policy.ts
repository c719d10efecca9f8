import { definePolicy } from '../platform/http/policy.ts';

// Peering and the outbox are the administrator's; those who refer may see who the peers are. The
// inbox, the agency directory and the peering endpoint are public at the HTTP level: each request
// must carry an RFC 9421 signature by a known, active peer (or, for peering, by the key in the card,
// plus the invitation's secret).
export const federationPolicy = definePolicy({
  'federation.node.read': { roles: ['administrator'] },
  'federation.invitation.create': { roles: ['administrator'] },
  'federation.invitation.preview': { roles: ['administrator'] },
  'federation.peer.accept': { roles: ['administrator'] },
  'federation.peer.list': { roles: ['administrator', 'referral_focal_point', 'caseworker'] },
  'federation.peer.status': { roles: ['administrator'] },
  'federation.peer.ping': { roles: ['administrator'] },
  'federation.outbox.read': { roles: ['administrator'] },
  'federation.outbox.retry': { roles: ['administrator'] },
  'federation.inbox.receive': { public: true },
  'federation.peering.complete': { public: true },
  // Signed by an active peer (src/federation/directory.ts), like the inbox.
  'federation.directory.serve': { public: true },
});
