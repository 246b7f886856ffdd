/**
 * Typed storage errors. Each carries a stable `code` so the error catalogue can map it to a
 * user-facing, localised message without matching on English text.
 */
export abstract class StorageError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A conditional write lost: the stored eTag differs (or the key exists for CREATE_ONLY). */
export class EtagConflictError extends StorageError {
  readonly code = 'storage.etag-conflict';

  constructor(
    readonly key: string,
    detail = 'the stored eTag no longer matches',
  ) {
    super(
      `Storage: write to "${shorten(key)}" rejected, ${detail}; nothing from this call was written.`,
    );
  }
}

/**
 * A stored document is not a JSON object (hand-edited row, truncated blob, schema mismatch).
 * Thrown instead of returning half a document, so the plan repository can tell the user and
 * offer a fresh start rather than guide them on garbage.
 */
export class CorruptDocumentError extends StorageError {
  readonly code = 'storage.corrupt-document';

  constructor(
    readonly key: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Storage: document "${shorten(key)}" is corrupt (${reason}).`, options);
  }
}

/** `updateWithRetry` kept losing the race; the caller should ask the user to try again. */
export class ConcurrencyExhaustedError extends StorageError {
  readonly code = 'storage.concurrency-exhausted';

  constructor(
    readonly key: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(
      `Storage: gave up updating "${shorten(key)}" after ${attempts} conflicting attempts.`,
      options,
    );
  }
}

/** A caller passed a key or document the contract does not allow (a programming error). */
export class InvalidStorageInputError extends StorageError {
  readonly code = 'storage.invalid-input';
}

/** The storage configuration is incomplete or invalid; the message names the setting. */
export class StorageConfigError extends StorageError {
  readonly code = 'storage.config';
}

/** A store was used after `close()`. */
export class StorageClosedError extends StorageError {
  readonly code = 'storage.closed';

  constructor(store: string) {
    super(`${store}: used after close().`);
  }
}

/** Keys may be 1 024 characters; error messages stay readable in logs. */
function shorten(key: string): string {
  return key.length > 120 ? `${key.slice(0, 117)}...` : key;
}
