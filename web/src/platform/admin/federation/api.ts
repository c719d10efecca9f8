import { useQuery } from '@tanstack/react-query';
import { getJson, sendJson } from '../../../api.ts';
import {
  invitationCreated,
  invitationPreview,
  nodeAnswer,
  outboxStatus,
  type PeerStatus,
  peerAnswer,
  peerList,
  pingAnswer,
  retryAnswer,
} from './schema.ts';

// Calls to /api/federation (src/federation/routes.ts) and their queries.

export const federationKeys = {
  all: ['admin', 'federation'] as const,
  node: ['admin', 'federation', 'node'] as const,
  peers: ['admin', 'federation', 'peers'] as const,
  status: ['admin', 'federation', 'status'] as const,
};

const enc = encodeURIComponent;

export const fetchNode = async () => (await getJson('/api/federation/node', nodeAnswer)).node;
export const listPeers = async () => (await getJson('/api/federation/peers', peerList)).peers;
export const fetchStatus = () => getJson('/api/federation/status', outboxStatus);

export const createInvitation = (note: string) =>
  sendJson('POST', '/api/federation/invitations', note ? { note } : {}, invitationCreated);
export const previewInvitation = (invitation: string) =>
  sendJson('POST', '/api/federation/invitations/preview', { invitation }, invitationPreview);
export const acceptInvitation = async (invitation: string) =>
  (await sendJson('POST', '/api/federation/peers', { invitation }, peerAnswer)).peer;
export const changePeerStatus = async (id: string, status: PeerStatus, reason: string) =>
  (await sendJson('POST', `/api/federation/peers/${enc(id)}/status`, { status, reason }, peerAnswer)).peer;
export const pingPeer = (id: string) =>
  sendJson('POST', `/api/federation/peers/${enc(id)}/ping`, {}, pingAnswer);
export const retryDeadLetter = (id: string) =>
  sendJson('POST', `/api/federation/outbox/${enc(id)}/retry`, {}, retryAnswer);

// The outbox and the peers change without this page (deliveries, the other side's acts): refresh.
const LIVE_MS = 15_000;

export const useOwnNode = () => useQuery({ queryKey: federationKeys.node, queryFn: fetchNode });
export const usePeers = () =>
  useQuery({ queryKey: federationKeys.peers, queryFn: listPeers, refetchInterval: LIVE_MS });
export const useOutboxStatus = () =>
  useQuery({ queryKey: federationKeys.status, queryFn: fetchStatus, refetchInterval: LIVE_MS });
