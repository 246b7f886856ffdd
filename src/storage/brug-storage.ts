/**
 * Pass as a change's `eTag` to write only if the key does not exist yet, so two colleagues
 * starting the same plan at once cannot both "create" it.
 */
export const CREATE_ONLY = 'create-only';

/** Longest key accepted (the Azure blob-name limit; Teams ids are far shorter). */
export const MAX_KEY_LENGTH = 1024;

export type StorageKind = 'sqlite' | 'blob' | 'memory';

export interface StorageHealth {
  ok: boolean;
  kind: StorageKind;
  /** Human-readable; never contains secrets such as account keys or SAS tokens. */
  detail?: string;
}

/**
 * One stored JSON object. On a read `eTag` is the store's opaque version of it; on a write it is
 * the condition (see `BrugStorage.write`). It is never part of the stored body.
 */
export interface StoredDocument {
  eTag?: string;
  [field: string]: unknown;
}

/** Documents by key: what a read returns and what a write takes. */
export type StoredDocuments = Record<string, StoredDocument>;

/**
 * The storage every Brugbot store implements (SQLite, Azure Blob, memory), with these semantics:
 *
 * - `read(keys)` returns only the keys that exist, each with a fresh opaque `eTag` string.
 *   Throws `CorruptDocumentError` if a stored document is not a JSON object.
 * - `write(changes)`: per key, `eTag` undefined or `'*'` writes unconditionally, `CREATE_ONLY`
 *   writes only if the key is absent, any other value only if it equals the stored eTag.
 *   On a mismatch it throws `EtagConflictError` (with `.key`) and writes nothing from the call;
 *   the blob store can only guarantee that per key (see `BlobStorage`). SQLite commits a call as
 *   one transaction (one fsync), so documents that change together belong in one call.
 * - `delete(keys)` is unconditional and ignores missing keys.
 * - Keys are non-empty, well-formed strings of at most `MAX_KEY_LENGTH` characters; documents
 *   are plain objects that survive `JSON.stringify` (values it drops, such as functions, are
 *   dropped). Anything else throws `InvalidStorageInputError`.
 */
export interface BrugStorage {
  read(keys: string[]): Promise<StoredDocuments>;
  write(changes: StoredDocuments): Promise<void>;
  delete(keys: string[]): Promise<void>;
  /** Keys starting with `prefix` (case-sensitive), sorted by JavaScript string order. */
  listKeys(prefix: string): Promise<string[]>;
  health(): Promise<StorageHealth>;
  /**
   * Makes what `delete` removed unreadable in the store's own files now, instead of whenever
   * the store reuses the space (SQLite: WAL checkpoint over zeroed pages). True when done.
   */
  eraseDeleted(): Promise<boolean>;
  /** Releases files and sockets; the instance must not be used afterwards. Idempotent. */
  close(): Promise<void>;
}
