import type { EncryptedColumn } from '../platform/crypto/registry.ts';

// The federation module's sealed column: a message body waiting in the outbox (cleared once the
// message is delivered or dead-lettered). Plain objects, so platform/crypto/registry.ts can import it.

export const outboxBodyContext = (id: string) => `federation_outbox.body:${id}`;

export const federationEncryptedColumns: readonly EncryptedColumn[] = [
  { table: 'federation_outbox', idColumn: 'id', column: 'body_enc', context: outboxBodyContext },
];
