import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { startWalCheckpointer } from './wal-checkpointer';
import type { BrugStorage, StorageHealth, StoredDocuments } from './brug-storage';
import {
  assertKeys,
  assertPrefix,
  conditionHolds,
  conflictError,
  parseDocument,
  prepareChanges,
  type PreparedChange,
} from './documents';
import { StorageClosedError } from './errors';

/**
 * The files hold names, Entra ids and answers: the folder is created 0700 and the database 0600
 * before SQLite opens it (SQLite gives the -wal and -shm files the database's mode). Files an
 * older version left readable are tightened; an existing folder is left as its owner set it.
 */
function createPrivately(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if (fs.existsSync(f) && (fs.statSync(f).mode & 0o077) !== 0) fs.chmodSync(f, 0o600);
    } catch {
      // Not ours to change (another user's file): SQLite will report it if it cannot open it.
    }
  }
}

export interface SqliteStorageOptions {
  /** How long a write waits for another process's write lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /** How often the worker thread checkpoints the WAL (default 1 s; tests set it). */
  checkpointIntervalMs?: number;
}

interface DocumentRow {
  json: string;
  etag: string;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS documents (
    key        TEXT    PRIMARY KEY NOT NULL,
    json       TEXT    NOT NULL,
    etag       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID`;

/**
 * The default, embedded store: one SQLite file, safe to share between processes.
 *
 * better-sqlite3 is synchronous, so a write waiting for another process's lock blocks this
 * process's event loop for up to `busyTimeoutMs`. Writes are one short transaction per turn,
 * so in practice the wait is a few milliseconds.
 */
export class SqliteStorage implements BrugStorage {
  readonly path: string;
  private readonly db: Database.Database;
  private readonly selectDocument;
  private readonly selectEtag;
  private readonly upsert;
  private readonly deleteKey;
  private readonly keysFrom;
  private readonly countDocuments;
  private readonly readAll;
  private readonly writeAll;
  private readonly deleteAll;
  private readonly stopCheckpointer: () => Promise<void>;

  constructor(filePath: string, options: SqliteStorageOptions = {}) {
    this.path = path.resolve(filePath);
    createPrivately(this.path);
    this.db = new Database(this.path);
    // busy_timeout first: switching to WAL and creating the table both need a lock that a
    // second process opening the same file at the same moment may hold.
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    // WAL: readers never block the writer and vice versa, which suits several processes.
    this.db.pragma('journal_mode = WAL');
    // FULL syncs the WAL on every commit: a confirmed answer survives a power cut, not only a
    // process crash. One fsync per turn is cheap next to a chat round trip.
    this.db.pragma('synchronous = FULL');
    // Deleted and overwritten content is zeroed in the pages, so a deleted plan leaves no bytes
    // behind once the WAL is checkpointed (see `eraseDeleted`). Costs a little write volume.
    this.db.pragma('secure_delete = ON');
    this.db.exec(SCHEMA);
    this.stopCheckpointer = startWalCheckpointer(
      this.path,
      (pages) => this.db.pragma(`wal_autocheckpoint = ${pages}`),
      options.checkpointIntervalMs,
    );

    this.selectDocument = this.db.prepare<[string], DocumentRow>(
      'SELECT json, etag FROM documents WHERE key = ?',
    );
    this.selectEtag = this.db
      .prepare<[string], string>('SELECT etag FROM documents WHERE key = ?')
      .pluck();
    this.upsert = this.db.prepare<[string, string, string, number]>(
      `INSERT INTO documents (key, json, etag, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET
         json = excluded.json, etag = excluded.etag, updated_at = excluded.updated_at`,
    );
    this.deleteKey = this.db.prepare<[string]>('DELETE FROM documents WHERE key = ?');
    // Keys sharing a prefix are contiguous in SQLite's byte order, which starts at the prefix
    // itself; the caller stops at the first key without it. Unlike LIKE this needs no escaping
    // and stays case-sensitive.
    this.keysFrom = this.db
      .prepare<[string], string>('SELECT key FROM documents WHERE key >= ? ORDER BY key')
      .pluck();
    this.countDocuments = this.db.prepare<[], number>('SELECT count(*) FROM documents').pluck();

    // One snapshot for a multi-key read, so it never mixes two writers' states.
    this.readAll = this.db.transaction((keys: string[]) => {
      const items: StoredDocuments = {};
      for (const key of keys) {
        const row = this.selectDocument.get(key);
        if (row) items[key] = parseDocument(key, row.json, row.etag);
      }
      return items;
    });
    // Throwing inside rolls the whole call back. Run with `.immediate()`: a deferred
    // transaction that reads first and writes later fails at once with SQLITE_BUSY when
    // another process wrote in between; BEGIN IMMEDIATE takes the write lock up front and
    // waits for it under busy_timeout instead.
    this.writeAll = this.db.transaction((changes: PreparedChange[]) => {
      const now = Date.now();
      for (const { key, json, condition } of changes) {
        if (!conditionHolds(condition, this.selectEtag.get(key))) {
          throw conflictError(key, condition);
        }
        this.upsert.run(key, json, randomUUID(), now);
      }
    });
    this.deleteAll = this.db.transaction((keys: string[]) => {
      for (const key of keys) this.deleteKey.run(key);
    });
  }

  async read(keys: string[]): Promise<StoredDocuments> {
    this.assertOpen();
    assertKeys(keys);
    return this.readAll(keys);
  }

  async write(changes: StoredDocuments): Promise<void> {
    this.assertOpen();
    const prepared = prepareChanges(changes);
    if (prepared.length > 0) this.writeAll.immediate(prepared);
  }

  async delete(keys: string[]): Promise<void> {
    this.assertOpen();
    assertKeys(keys);
    if (keys.length > 0) this.deleteAll.immediate(keys);
  }

  async listKeys(prefix: string): Promise<string[]> {
    this.assertOpen();
    assertPrefix(prefix);
    const keys: string[] = [];
    for (const key of this.keysFrom.iterate(prefix)) {
      if (!key.startsWith(prefix)) break;
      keys.push(key);
    }
    // SQLite orders by UTF-8 bytes; the contract promises JavaScript string order.
    return keys.sort();
  }

  /**
   * Copies the WAL into the database (whose deleted cells secure_delete has zeroed) and truncates
   * it, so the old page images holding deleted text are gone from both files. False when another
   * connection's reader kept the WAL from being reset; the next call finishes the job.
   */
  async eraseDeleted(): Promise<boolean> {
    this.assertOpen();
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result?.busy === 0;
  }

  async health(): Promise<StorageHealth> {
    if (!this.db.open) return { ok: false, kind: 'sqlite', detail: `${this.path} is closed` };
    try {
      const documents = this.countDocuments.get() ?? 0;
      return { ok: true, kind: 'sqlite', detail: `${this.path} (WAL, ${documents} documents)` };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, kind: 'sqlite', detail: `${this.path}: ${reason}` };
    }
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    await this.stopCheckpointer();
    if (this.db.open) this.db.close();
  }

  private assertOpen(): void {
    if (!this.db.open) throw new StorageClosedError('SqliteStorage');
  }
}
