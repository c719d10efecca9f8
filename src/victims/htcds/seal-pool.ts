import type { Worker } from 'node:worker_threads';
import type { CompiledQuery } from 'kysely';
import { FieldCipher } from '../../platform/crypto/fields.ts';
import { startModuleWorker, workerRequests } from '../../platform/util/worker.ts';
import type { SearchColumns } from '../identity.ts';
import type { IdentityInput } from '../person-schema.ts';
import type { TokenKeys } from '../search-keys.ts';

// Sealing a large import's field values in a worker thread (seal-worker.ts). In the write pass the
// main thread sets the pace and AES-GCM seals were ~20 % of its time, while the second core was
// partly idle. A batch is prepared with a SealingCipher: each value it "encrypts" is a PendingSeal,
// queued and sent to the worker in chunks while the batch is still being prepared; once all are
// back, `settle` returns, and the batch's statements are compiled: JSON and the audit digests read
// each PendingSeal's sealed text where it is (walking the batch to replace them took ~40 µs a row).
// A person's keyed search columns (HMACs of the name's trigrams, birth date, id number, phones) are
// computed there too, from the same values, and come back the same way.

/**
 * Where a sealed value will be: its text once the worker has sealed it. A batch's rows, column
 * objects and audit changes keep their PendingSeals: JSON (the rows' parameters), canonical JSON (the
 * audit digests) and pg read the sealed value through `toJSON` / `toPostgres`, and refuse one not
 * sealed yet; a compiled statement's own parameters are replaced (`resolveParameters`) before it
 * goes to another thread.
 */
export class PendingSeal {
  /** A sealed text; or a search column's value (a key, null for none, the phone keys). */
  value: string | string[] | null | undefined = undefined;
  toJSON(): string | string[] | null {
    if (this.value === undefined)
      throw new Error('HTCDS import: a field value was used before it was sealed');
    return this.value;
  }
  toPostgres(): string | string[] | null {
    return this.toJSON();
  }
}

/** The identity fields `searchColumns` reads: all of them given (null for none). */
const SEARCH_FIELDS = [
  'firstName',
  'middleName',
  'secondName',
  'birthdate',
  'identityNumber',
  'homePhone',
  'mobilePhone',
] as const;
export type SearchInput = Pick<IdentityInput, (typeof SEARCH_FIELDS)[number]>;
const SEARCH_COLUMNS = ['name_tokens', 'birthdate_key', 'identity_number_key', 'phone_keys'] as const;

export type SealTask = { plain: string[]; contexts: string[]; search: SearchInput[] };
export type SealAnswer = { sealed: string[]; search: SearchColumns[] };
type Send = (task: SealTask) => Promise<SealAnswer>;

/**
 * A FieldCipher for one batch whose `encrypt` queues the value for the worker and returns a
 * PendingSeal in place of the text (typed as the string it will be replaced by); `decrypt` is the
 * node's cipher's. Everything a batch seals goes through it, unchanged: the column builders,
 * `sealIdentity`, the assessment's narrative.
 */
export class SealingCipher extends FieldCipher {
  private plain: string[] = [];
  private contexts: string[] = [];
  private slots: PendingSeal[] = [];
  private search: SearchInput[] = [];
  private searchSlots: Record<(typeof SEARCH_COLUMNS)[number], PendingSeal>[] = [];
  private readonly sent: Promise<void>[] = [];

  constructor(
    private readonly node: FieldCipher,
    private readonly send: Send,
  ) {
    super(new Map(), node.activeKeyId);
  }

  override encrypt(plaintext: string, context: string): string {
    const slot = new PendingSeal();
    this.plain.push(plaintext);
    this.contexts.push(context);
    this.slots.push(slot);
    return slot as unknown as string;
  }

  /**
   * `searchColumns(keys, null, input)` of identity.ts, computed by the worker: each column a
   * PendingSeal until then. `input` must give every field the columns are computed from.
   */
  searchColumns(input: IdentityInput): Required<SearchColumns> {
    const picked: SearchInput = {};
    for (const field of SEARCH_FIELDS) {
      const value = input[field];
      if (value === undefined) throw new Error(`a sealing cipher needs the identity's ${field}`);
      picked[field] = value;
    }
    this.search.push(picked);
    const slots = {
      name_tokens: new PendingSeal(),
      birthdate_key: new PendingSeal(),
      identity_number_key: new PendingSeal(),
      phone_keys: new PendingSeal(),
    };
    this.searchSlots.push(slots);
    return slots as unknown as Required<SearchColumns>;
  }

  override decrypt(value: string, context: string): string {
    return this.node.decrypt(value, context);
  }

  override keyIdOf(value: string): string | undefined {
    return this.node.keyIdOf(value);
  }

  override activeKeyMaterial(): never {
    throw new Error('a sealing cipher holds no key');
  }

  /** Sends what is queued to the worker. */
  flush(): void {
    if (this.slots.length === 0 && this.searchSlots.length === 0) return;
    const { slots, searchSlots } = this;
    const task = { plain: this.plain, contexts: this.contexts, search: this.search };
    const done = this.send(task).then(({ sealed, search }) => {
      if (sealed.length !== slots.length || search.length !== searchSlots.length)
        throw new Error('the seal worker answered a different chunk');
      for (let i = 0; i < slots.length; i++) (slots[i] as PendingSeal).value = sealed[i];
      for (let i = 0; i < searchSlots.length; i++) {
        const columns = search[i] ?? {};
        const pending = searchSlots[i];
        // An unanswered column stays unsealed, and reading it throws.
        if (pending) for (const c of SEARCH_COLUMNS) pending[c].value = columns[c];
      }
    });
    // Observed by settle; a failure meanwhile must not count as unhandled.
    done.catch(() => {});
    this.sent.push(done);
    this.plain = [];
    this.contexts = [];
    this.slots = [];
    this.search = [];
    this.searchSlots = [];
  }

  /** Sends the rest and waits until every value queued so far is sealed. */
  async settle(): Promise<void> {
    this.flush();
    await Promise.all(this.sent);
  }
}

/** The statement with each PendingSeal parameter replaced by its sealed value. */
export function resolveParameters(query: CompiledQuery): CompiledQuery {
  if (!query.parameters.some((p) => p instanceof PendingSeal)) return query;
  return { ...query, parameters: query.parameters.map((p) => (p instanceof PendingSeal ? p.toJSON() : p)) };
}

export type SealPool = {
  /** A cipher to prepare one batch with. */
  cipher(): SealingCipher;
  close(): Promise<void>;
};

/** Starts the worker, handing it a copy of the active data key and of the search keys. */
export function createSealPool(cipher: FieldCipher, keys: TokenKeys): SealPool {
  const { keyId, key } = cipher.activeKeyMaterial();
  const search = {
    nameTokens: Buffer.from(keys.nameTokens),
    birthdate: Buffer.from(keys.birthdate),
    identityNumber: Buffer.from(keys.identityNumber),
    phone: Buffer.from(keys.phone),
  };
  let worker: Worker;
  try {
    worker = startModuleWorker(import.meta.url, 'seal-worker', { workerData: { keyId, key, search } });
  } finally {
    key.fill(0);
    for (const k of Object.values(search)) k.fill(0);
  }
  const send: Send = workerRequests<SealTask, SealAnswer & { seq: number }>(
    [worker],
    'the HTCDS seal worker',
  );
  return {
    cipher: () => new SealingCipher(cipher, send),
    close: async () => {
      await worker.terminate();
    },
  };
}
