import { setTimeout as delay } from 'node:timers/promises';
import { CREATE_ONLY, type BrugStorage, type StoredDocuments } from './brug-storage';
import {
  ConcurrencyExhaustedError,
  CorruptDocumentError,
  EtagConflictError,
  InvalidStorageInputError,
} from './errors';

/** What an update decides: `next` to store it, no `next` to leave the document untouched. */
export interface UpdateStep<T, R> {
  next?: T;
  result: R;
  /**
   * Other documents to write in the same `write` call as `next` (SQLite: the same transaction),
   * each under its own `eTag` condition (none: unconditional). Ignored without `next`. Only a
   * conflict on the updated key itself is retried.
   */
  alongside?: StoredDocuments;
}

export interface UpdateOptions<T> {
  /** Reads + writes before giving up with ConcurrencyExhaustedError. Default 5. */
  maxAttempts?: number;
  /** Base of the jittered exponential backoff between attempts. Default 20 ms. */
  backoffMs?: number;
  /** Ceiling of one backoff, so a large `maxAttempts` cannot wait for minutes. Default 1 s. */
  maxBackoffMs?: number;
  /** Validates the stored document, e.g. a zod schema's `parse`. Without it, it is trusted. */
  parse?: (document: unknown) => T;
  /** Injected in tests so retries do not wait on the real clock. */
  sleep?: (ms: number) => Promise<void>;
}

export interface UpdateOutcome<T, R> {
  result: R;
  /** The document as it now stands: the written `next`, or the unchanged current one. */
  value: T | undefined;
  written: boolean;
  /** 1 when nobody else wrote in between. */
  attempts: number;
}

/**
 * Optimistic read-modify-write of one document: read it with its eTag, let the pure `update`
 * decide, write under that eTag (CREATE_ONLY when the key was absent). If someone else wrote
 * in between, the write fails with EtagConflictError and `update` runs again on their result,
 * so no colleague's answer is overwritten. `update` may therefore run several times and must
 * have no side effects; it receives a fresh copy each time and may mutate it.
 *
 * Needs a store that throws EtagConflictError (every BrugStorage does).
 */
export async function updateWithRetry<T extends object, R>(
  storage: Pick<BrugStorage, 'read' | 'write'>,
  key: string,
  update: (current: T | undefined) => UpdateStep<T, R>,
  {
    maxAttempts = 5,
    backoffMs = 20,
    maxBackoffMs = 1000,
    parse,
    sleep = delay,
  }: UpdateOptions<T> = {},
): Promise<UpdateOutcome<T, R>> {
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new InvalidStorageInputError('updateWithRetry: maxAttempts must be a positive integer.');
  }
  for (let attempt = 1; ; attempt++) {
    const items: Record<string, unknown> = await storage.read([key]);
    const { current, eTag } = unpack<T>(key, items[key], parse);
    const { next, result, alongside } = update(current);
    if (next === undefined) return { result, value: current, written: false, attempts: attempt };
    if (alongside && Object.prototype.hasOwnProperty.call(alongside, key)) {
      throw new InvalidStorageInputError(
        `updateWithRetry: "${key}" cannot also be written alongside.`,
      );
    }
    try {
      // The updated key first: the blob store writes in this order, so a failure leaves no
      // companion document without its plan.
      await storage.write({ [key]: { ...next, eTag: eTag ?? CREATE_ONLY }, ...alongside });
      return { result, value: next, written: true, attempts: attempt };
    } catch (error) {
      if (!(error instanceof EtagConflictError) || error.key !== key) throw error;
      if (attempt >= maxAttempts) {
        throw new ConcurrencyExhaustedError(key, attempt, { cause: error });
      }
      // Full jitter: two writers that collided are unlikely to collide again.
      await sleep(Math.random() * Math.min(maxBackoffMs, backoffMs * 2 ** (attempt - 1)));
    }
  }
}

function unpack<T>(
  key: string,
  stored: unknown,
  parse: ((document: unknown) => T) | undefined,
): { current: T | undefined; eTag: string | undefined } {
  if (stored === undefined) return { current: undefined, eTag: undefined };
  if (typeof stored !== 'object' || stored === null) {
    throw new CorruptDocumentError(key, 'not an object');
  }
  const { eTag, ...document } = stored as Record<string, unknown>;
  if (typeof eTag !== 'string') {
    throw new InvalidStorageInputError(
      `updateWithRetry: the store returned "${key}" without an eTag; it needs real eTags.`,
    );
  }
  if (!parse) return { current: document as T, eTag };
  try {
    return { current: parse(document), eTag };
  } catch (cause) {
    throw new CorruptDocumentError(key, 'does not match the expected shape', { cause });
  }
}
