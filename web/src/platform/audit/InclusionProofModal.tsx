import { Alert, Code, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { auditKeys, fetchInclusionProof, fetchLatestCheckpoint } from './api.ts';
import { checkEntry, checkSignedTreeHead } from './inclusion.ts';
import type { AuditEntry, Checkpoint, InclusionProof } from './schema.ts';

type Props = { entry: AuditEntry | null; onClose: () => void };

/** An entry's inclusion proof against the latest signed checkpoint, checked in this browser. */
export function InclusionProofModal({ entry, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      size="lg"
      title={entry ? t('audit.proof.title', { seq: entry.seq }) : ''}
    >
      {entry?.seq != null && <ProofBody entry={entry} seq={entry.seq} />}
    </Modal>
  );
}

function ProofBody({ entry, seq }: { entry: AuditEntry; seq: string }) {
  const { t } = useTranslation();
  const latest = useQuery({ queryKey: auditKeys.latestCheckpoint, queryFn: fetchLatestCheckpoint });
  const head = latest.data;
  const inTree = head != null && BigInt(seq) < BigInt(head.treeSize);
  const proof = useQuery({
    queryKey: auditKeys.inclusion(seq, head?.treeSize ?? ''),
    queryFn: () => fetchInclusionProof(seq, head?.treeSize ?? ''),
    enabled: inTree,
  });
  return (
    <Stack data-testid="inclusion-proof">
      <Text size="sm" c="dimmed">
        {t('audit.proof.intro')}
      </Text>
      <ErrorAlert error={latest.error ?? proof.error} />
      {(latest.isPending || (inTree && proof.isPending)) && (
        <Loader size="sm" aria-label={t('common.loading')} />
      )}
      {head === null && <Text>{t('audit.proof.noCheckpoint')}</Text>}
      {head && !inTree && <Text>{t('audit.proof.afterCheckpoint', { size: head.treeSize })}</Text>}
      {head && proof.data && <ProofCheck entry={entry} seq={seq} head={head} proof={proof.data} />}
    </Stack>
  );
}

function ProofCheck(props: { entry: AuditEntry; seq: string; head: Checkpoint; proof: InclusionProof }) {
  const { t } = useTranslation();
  const { entry, seq, head, proof } = props;
  const check = useQuery({
    queryKey: ['audit', 'inclusion-check', seq, head.treeSize, head.rootHash],
    queryFn: async () => ({
      entry: await checkEntry(
        {
          ...entry,
          seq,
          at: String(entry.at),
          actorId: entry.actorId ?? null,
          recordId: entry.recordId ?? null,
        },
        proof,
        head.rootHash,
      ),
      signature: await checkSignedTreeHead({
        treeSize: head.treeSize,
        rootHash: head.rootHash,
        note: head.note ?? '',
        signature: head.signature ?? '',
        publicKey: head.publicKey ?? '',
      }),
    }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!check.data) return <Text size="sm">{t('audit.proof.checking')}</Text>;
  const { entry: result, signature } = check.data;
  const failure = !result.verdict.ok
    ? t(`audit.proof.reasons.${result.verdict.reason}`)
    : signature === 'failed'
      ? t('audit.proof.reasons.signature')
      : null;
  return (
    <>
      <Alert color={failure ? 'red' : 'green'} role="status" data-testid="proof-verdict">
        {failure
          ? t('audit.proof.failed', { reason: failure })
          : t('audit.proof.verified', { size: head.treeSize })}
      </Alert>
      <Table variant="vertical" layout="fixed">
        <Table.Tbody>
          <Fact label={t('audit.proof.index')}>{seq}</Fact>
          <Fact label={t('audit.proof.treeSize')}>{head.treeSize}</Fact>
          <Fact label={t('audit.proof.leafHash')}>
            <Hash value={result.leafHash} />
          </Fact>
          <Fact label={t('audit.proof.path')}>
            <Stack gap={2} data-testid="proof-path">
              {/* Each leaf carries its index, so no two subtrees, nor two proof hashes, are alike. */}
              {proof.proof.map((hash) => (
                <Hash key={hash} value={hash} />
              ))}
            </Stack>
          </Fact>
          <Fact label={t('audit.proof.computedRoot')}>
            {result.computedRoot ? <Hash value={result.computedRoot} /> : '—'}
          </Fact>
          <Fact label={t('audit.proof.signedRoot')}>
            <Hash value={head.rootHash} />
          </Fact>
          <Fact label={t('audit.proof.signature')}>
            <span data-testid="proof-signature">{t(`audit.proof.signatureStates.${signature}`)}</span>
          </Fact>
        </Table.Tbody>
      </Table>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={190}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

const Hash = ({ value }: { value: string }) => (
  <Code style={{ wordBreak: 'break-all' }} fz="xs">
    {value}
  </Code>
);
