import { randomUUID } from 'node:crypto';
import type { BrugStorage, StorageHealth, StoredDocuments } from './brug-storage';
import {
  assertKeys,
  assertPrefix,
  conditionHolds,
  conflictError,
  parseDocument,
  prepareChanges,
} from './documents';
import { StorageClosedError } from './errors';

/** One stored document as the memory store keeps it: serialised, so reads are deep copies. */
export interface MemoryRecord {
  json: string;
  eTag: string;
}

/**
 * In-process store for unit tests, with exactly the semantics of the durable stores.
 *
 * Pass your own `records` map to share one "database" between several instances (two bot
 * processes in a test) or to plant a corrupt document.
 */
export class MemoryStorage implements BrugStorage {
  private closed = false;

  constructor(private readonly records: Map<string, MemoryRecord> = new Map()) {}

  async read(keys: string[]): Promise<StoredDocuments> {
    this.assertOpen();
    assertKeys(keys);
    const items: StoredDocuments = {};
    for (const key of keys) {
      const record = this.records.get(key);
      if (record) items[key] = parseDocument(key, record.json, record.eTag);
    }
    return items;
  }

  async write(changes: StoredDocuments): Promise<void> {
    this.assertOpen();
    const prepared = prepareChanges(changes);
    // Check every condition before applying any change: all-or-nothing, like the SQLite store.
    for (const change of prepared) {
      if (!conditionHolds(change.condition, this.records.get(change.key)?.eTag)) {
        throw conflictError(change.key, change.condition);
      }
    }
    for (const { key, json } of prepared) this.records.set(key, { json, eTag: randomUUID() });
  }

  async delete(keys: string[]): Promise<void> {
    this.assertOpen();
    assertKeys(keys);
    for (const key of keys) this.records.delete(key);
  }

  async listKeys(prefix: string): Promise<string[]> {
    this.assertOpen();
    assertPrefix(prefix);
    return [...this.records.keys()].filter((key) => key.startsWith(prefix)).sort();
  }

  /** Deleted records are gone from the map; nothing is kept elsewhere. */
  async eraseDeleted(): Promise<boolean> {
    return true;
  }

  async health(): Promise<StorageHealth> {
    return this.closed
      ? { ok: false, kind: 'memory', detail: 'closed' }
      : { ok: true, kind: 'memory', detail: `${this.records.size} documents in memory` };
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new StorageClosedError('MemoryStorage');
  }
}
