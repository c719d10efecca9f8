import { randomUUID, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { listAgenciesTakingReferrals } from '../platform/accounts/repo.ts';
import { appendAudit } from '../platform/audit/append.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { HttpError } from '../platform/http/errors.ts';
import { canonicalJson } from '../platform/util/canonical-json.ts';
import { joinUrl, peerError, postSigned } from './client.ts';
import { type InboundRequest, peerActor, verifyFromPeer } from './inbox.ts';
import { ed25519Key } from './peers/card.ts';
import type { Peer } from './peers/repo.ts';

// A peer's agency directory: the names its node files incoming referrals under, of the agencies where
// someone can act on one (an enabled caseworker or referral focal point). Asked for by a
// request signed like a message (RFC 9421, by an active peer only; anyone else gets 401 or 403), and
// answered with the directory signed by the answering node's key, bound to the asker and the
// request id, so the asking node knows it comes from that peer and answers this request.

export const DIRECTORY_PATH = '/api/federation/directory';
const TIMEOUT_MS = 5000;

const requestSchema = z.strictObject({
  v: z.literal(1),
  id: z.string().uuid(),
  from: z.string().uuid(),
  to: z.string().uuid(),
});

const agencySchema = z.strictObject({ id: z.string().uuid(), name: z.string().min(1).max(200) });
export type DirectoryAgency = z.infer<typeof agencySchema>;

const directorySchema = z.strictObject({
  v: z.literal(1),
  node: z.string().uuid(),
  for: z.string().uuid(),
  requestId: z.string().uuid(),
  at: z.string().datetime(),
  agencies: z.array(agencySchema).max(1000),
});
type Directory = z.infer<typeof directorySchema>;

const answerSchema = z.strictObject({
  directory: directorySchema,
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
});

const signedPart = (d: Directory) => Buffer.from(`jaring directory\n${canonicalJson(d)}`, 'utf8');

/** The answering side: a signed request by an active peer gets this node's agencies, signed. */
export async function serveDirectory(deps: AppDeps, req: InboundRequest) {
  const peer = await verifyFromPeer(deps, req);
  let json: unknown;
  try {
    json = JSON.parse(req.body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'malformed_body', 'The directory request is not JSON.');
  }
  const parsed = requestSchema.safeParse(json);
  if (!parsed.success) throw new HttpError(400, 'malformed_request', 'The directory request is not valid.');
  const ask = parsed.data;
  if (ask.id !== req.headers.get('jaring-message-id') || ask.from !== peer.id || ask.to !== deps.node.id) {
    throw new HttpError(
      400,
      'request_mismatch',
      'The directory request names another id, sender or recipient than the one signed.',
    );
  }
  const directory: Directory = await deps.db.transaction().execute(async (tx) => {
    const agencies = await listAgenciesTakingReferrals(tx);
    await appendAudit(tx, {
      actor: peerActor(peer),
      action: 'federation.directory.serve',
      recordType: 'federation_peer',
      recordId: peer.id,
      change: { requestId: ask.id, agencies: agencies.length },
    });
    return {
      v: 1,
      node: deps.node.id,
      for: peer.id,
      requestId: ask.id,
      at: new Date().toISOString(),
      agencies,
    };
  });
  return {
    directory,
    signature: sign(null, signedPart(directory), deps.node.privateKey).toString('base64url'),
  };
}

export type DirectoryResult =
  | { available: true; agencies: DirectoryAgency[]; at: Date }
  | { available: false; reason: 'unreachable' | 'refused' | 'invalid'; message: string };

const invalid = (message: string): DirectoryResult => ({ available: false, reason: 'invalid', message });

/** The asking side: the peer's directory, or why it could not be had (never thrown: the caller falls back). */
export async function fetchPeerDirectory(deps: Pick<AppDeps, 'node'>, peer: Peer): Promise<DirectoryResult> {
  const id = randomUUID();
  const body = Buffer.from(JSON.stringify({ v: 1, id, from: deps.node.id, to: peer.id }), 'utf8');
  let result: Awaited<ReturnType<typeof postSigned>>;
  try {
    result = await postSigned(deps.node, joinUrl(peer.baseUrl, DIRECTORY_PATH), body, {
      messageId: id,
      timeoutMs: TIMEOUT_MS,
    });
  } catch (err) {
    return {
      available: false,
      reason: 'unreachable',
      message: `could not reach ${peer.baseUrl}: ${(err as Error).message}`,
    };
  }
  if (result.status !== 200) {
    const { code, message } = peerError(result);
    return {
      available: false,
      reason: 'refused',
      message: `${peer.country} answered ${result.status} ${code}: ${message}`,
    };
  }
  const answer = answerSchema.safeParse(result.body);
  if (!answer.success) return invalid(`${peer.country} answered with something that is not a directory`);
  const { directory, signature } = answer.data;
  if (!verify(null, signedPart(directory), ed25519Key(peer.publicKey), Buffer.from(signature, 'base64url'))) {
    return invalid(`the directory is not signed by ${peer.country}'s key`);
  }
  if (directory.node !== peer.id || directory.for !== deps.node.id || directory.requestId !== id) {
    return invalid(`${peer.country} signed a directory for another request`);
  }
  return { available: true, agencies: directory.agencies, at: new Date(directory.at) };
}
