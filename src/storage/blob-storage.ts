import { buffer } from 'node:stream/consumers';
import { ContainerClient, type BlobRequestConditions } from '@azure/storage-blob';
import type { BrugStorage, StorageHealth, StoredDocuments } from './brug-storage';
import {
  blobNameFor,
  keyFromBlobName,
  keyFromMetadata,
  keyToMetadata,
  listingPrefixFor,
} from './blob-names';
import {
  assertKeys,
  assertPrefix,
  conditionHolds,
  conflictError,
  parseDocument,
  prepareChanges,
  type PreparedChange,
  type WriteCondition,
} from './documents';
import { CorruptDocumentError, StorageClosedError } from './errors';

export interface BlobStorageOptions {
  /** Deadline for `health()`, so a readiness probe answers even when Azure does not. */
  healthTimeoutMs?: number;
}

/**
 * Azure Blob Storage, one JSON blob per key, on @azure/storage-blob directly.
 *
 * botbuilder-azure-blobs' BlobsStorage is not used: it has no create-only write, reports a 412
 * as a plain Error, and maps different keys to one blob (`a//b` and `a/b` read the same
 * document; long encoded keys are cut to 1 024 characters).
 *
 * eTags are Azure's own; each write is a conditional Put Blob (`If-Match`, or
 * `If-None-Match: *` for CREATE_ONLY), so the service itself decides who wins a race.
 *
 * Atomicity is per key only: Blob Storage has no multi-blob transaction. A call with several
 * changes first checks the eTags of all but the first, then writes them in order, so a stale
 * eTag normally writes nothing; but a race inside that window can leave earlier keys written
 * when a later one conflicts. Keep data that must change together in one document.
 *
 * A plan turn writes the plan (conditional) and its change-log entry (unconditional) in one call:
 * here the plan is written first and the log entry after it, so a process that dies in between
 * leaves the plan without that log entry (never a log entry without its plan), as before.
 */
export class BlobStorage implements BrugStorage {
  private closed = false;
  private readonly healthTimeoutMs: number;

  /** `container` must exist; use `BlobStorage.connect` to create it when missing. */
  constructor(
    private readonly container: ContainerClient,
    options: BlobStorageOptions = {},
  ) {
    this.healthTimeoutMs = options.healthTimeoutMs ?? 3000;
  }

  /** Connects with a connection string and creates the container if it does not exist. */
  static async connect(
    connectionString: string,
    containerName: string,
    options: BlobStorageOptions = {},
  ): Promise<BlobStorage> {
    const container = new ContainerClient(connectionString, containerName);
    await container.createIfNotExists();
    return new BlobStorage(container, options);
  }

  async read(keys: string[]): Promise<StoredDocuments> {
    this.assertOpen();
    assertKeys(keys);
    const found = await Promise.all(
      keys.map(async (key) => [key, await this.readOne(key)] as const),
    );
    const items: StoredDocuments = {};
    for (const [key, document] of found) if (document) items[key] = document;
    return items;
  }

  async write(changes: StoredDocuments): Promise<void> {
    this.assertOpen();
    const prepared = prepareChanges(changes);
    // A condition on the first change is checked by its own conditional Put before anything is
    // written; only a condition further on needs the check up front (one more request per key).
    if (prepared.slice(1).some(({ condition }) => condition.kind !== 'unconditional')) {
      await this.precheck(prepared);
    }
    for (const change of prepared) await this.writeOne(change);
  }

  async delete(keys: string[]): Promise<void> {
    this.assertOpen();
    assertKeys(keys);
    await Promise.all(
      keys.map((key) => this.container.deleteBlob(blobNameFor(key)).catch(ignore404)),
    );
  }

  async listKeys(prefix: string): Promise<string[]> {
    this.assertOpen();
    assertPrefix(prefix);
    const keys: string[] = [];
    const blobs = this.container.listBlobsFlat({
      prefix: listingPrefixFor(prefix),
      includeMetadata: true,
    });
    for await (const blob of blobs) {
      const key = keyFromMetadata(blob.metadata) ?? keyFromBlobName(blob.name);
      if (key !== undefined && key.startsWith(prefix)) keys.push(key);
    }
    return keys.sort();
  }

  /**
   * A deleted blob is gone for this client; whether Azure keeps a soft-deleted copy is the
   * storage account's setting (SECURITY.md), which the bot cannot change.
   */
  async eraseDeleted(): Promise<boolean> {
    return true;
  }

  async health(): Promise<StorageHealth> {
    const where = `container "${this.container.containerName}" of account "${this.container.accountName}"`;
    if (this.closed) return { ok: false, kind: 'blob', detail: `${where} is closed` };
    // Without a deadline the SDK's retries keep a probe of a dead endpoint busy ~16 s (measured).
    const abortSignal = AbortSignal.timeout(this.healthTimeoutMs);
    try {
      await this.container.getProperties({ abortSignal });
      return { ok: true, kind: 'blob', detail: where };
    } catch (error) {
      if (abortSignal.aborted) {
        return {
          ok: false,
          kind: 'blob',
          detail: `${where}: no answer within ${this.healthTimeoutMs} ms`,
        };
      }
      // Only status and code: messages can echo request URLs, which may carry a SAS token.
      const { statusCode, code } = restFailure(error);
      const reason = [statusCode, code].filter((part) => part !== undefined).join(' ');
      return { ok: false, kind: 'blob', detail: `${where}: ${reason || 'request failed'}` };
    }
  }

  async close(): Promise<void> {
    // The SDK keeps no per-client connections to release; refuse further use all the same.
    this.closed = true;
  }

  private async readOne(key: string): Promise<Record<string, unknown> | undefined> {
    let response;
    try {
      response = await this.container.getBlobClient(blobNameFor(key)).download();
    } catch (error) {
      if (restFailure(error).statusCode === 404) return undefined;
      throw error;
    }
    if (!response.etag || !response.readableStreamBody) {
      throw new CorruptDocumentError(key, 'blob response without eTag or body');
    }
    const body = await buffer(response.readableStreamBody);
    return parseDocument(key, body.toString('utf8'), response.etag);
  }

  private async precheck(changes: PreparedChange[]): Promise<void> {
    await Promise.all(
      changes
        .filter(({ condition }) => condition.kind !== 'unconditional')
        .map(async ({ key, condition }) => {
          const stored = await this.container
            .getBlobClient(blobNameFor(key))
            .getProperties()
            .then((properties) => properties.etag, ignore404);
          if (!conditionHolds(condition, stored)) throw conflictError(key, condition);
        }),
    );
  }

  private async writeOne({ key, json, condition }: PreparedChange): Promise<void> {
    const body = Buffer.from(json, 'utf8');
    try {
      await this.container.getBlockBlobClient(blobNameFor(key)).upload(body, body.byteLength, {
        conditions: requestConditions(condition),
        metadata: keyToMetadata(key),
        blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
      });
    } catch (error) {
      if (isConditionFailure(error, condition)) throw conflictError(key, condition);
      throw error;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StorageClosedError('BlobStorage');
  }
}

function requestConditions(condition: WriteCondition): BlobRequestConditions {
  switch (condition.kind) {
    case 'unconditional':
      return {};
    case 'absent':
      return { ifNoneMatch: '*' };
    case 'match':
      return { ifMatch: condition.eTag };
  }
}

/** Azure answers a failed If-Match with 412 and a failed If-None-Match: * with 409. */
function isConditionFailure(error: unknown, condition: WriteCondition): boolean {
  const { statusCode, code } = restFailure(error);
  if (condition.kind === 'unconditional') return false;
  return statusCode === 412 || (statusCode === 409 && code === 'BlobAlreadyExists');
}

/** Reads status and code from the SDK's RestError without depending on its class identity. */
function restFailure(error: unknown): { statusCode?: number; code?: string } {
  if (typeof error !== 'object' || error === null) return {};
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  return {
    statusCode: typeof statusCode === 'number' ? statusCode : undefined,
    code: typeof code === 'string' ? code : undefined,
  };
}

function ignore404(error: unknown): undefined {
  if (restFailure(error).statusCode === 404) return undefined;
  throw error;
}
