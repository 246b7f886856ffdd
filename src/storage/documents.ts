import { CREATE_ONLY, MAX_KEY_LENGTH, type StoredDocuments } from './brug-storage';
import { CorruptDocumentError, EtagConflictError, InvalidStorageInputError } from './errors';

/** What a change's `eTag` asks for, decided once so every store applies the same rule. */
export type WriteCondition =
  { kind: 'unconditional' } | { kind: 'absent' } | { kind: 'match'; eTag: string };

export interface PreparedChange {
  key: string;
  /** The document without its `eTag`, serialised. */
  json: string;
  condition: WriteCondition;
}

// In `u` mode a paired surrogate is one code point, so this only matches lone surrogates,
// which UTF-8 stores (SQLite, blob names) would silently turn into U+FFFD.
const LONE_SURROGATE = /\p{Cs}/u;

/** Throws unless `key` is a usable storage key. */
export function assertKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new InvalidStorageInputError('Storage: keys must be non-empty strings.');
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw new InvalidStorageInputError(
      `Storage: key of ${key.length} characters exceeds the limit of ${MAX_KEY_LENGTH}.`,
    );
  }
  assertWellFormed(key, 'key');
}

/** Like `assertKey`, but the empty prefix (list everything) is allowed. */
export function assertPrefix(prefix: unknown): asserts prefix is string {
  if (typeof prefix !== 'string' || prefix.length > MAX_KEY_LENGTH) {
    throw new InvalidStorageInputError(
      `Storage: a prefix must be a string of at most ${MAX_KEY_LENGTH} characters.`,
    );
  }
  assertWellFormed(prefix, 'prefix');
}

export function assertKeys(keys: unknown): asserts keys is string[] {
  if (!Array.isArray(keys)) throw new InvalidStorageInputError('Storage: keys must be an array.');
  for (const key of keys) assertKey(key);
}

function assertWellFormed(value: string, what: string): void {
  if (LONE_SURROGATE.test(value)) {
    throw new InvalidStorageInputError(`Storage: ${what} contains an unpaired UTF-16 surrogate.`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Validates and serialises every change before a store touches anything, so bad input in
 * the third change cannot leave the first two written.
 */
export function prepareChanges(changes: StoredDocuments): PreparedChange[] {
  if (!isPlainObject(changes)) {
    throw new InvalidStorageInputError('Storage: changes must be an object of key → document.');
  }
  return Object.entries(changes).map(([key, value]: [string, unknown]) => {
    assertKey(key);
    if (!isPlainObject(value)) {
      throw new InvalidStorageInputError(`Storage: document for "${key}" must be a plain object.`);
    }
    const { eTag, ...document } = value;
    return { key, json: serialise(key, document), condition: toCondition(key, eTag) };
  });
}

function toCondition(key: string, eTag: unknown): WriteCondition {
  if (eTag === undefined || eTag === '*') return { kind: 'unconditional' };
  if (eTag === CREATE_ONLY) return { kind: 'absent' };
  if (typeof eTag === 'string' && eTag.length > 0) return { kind: 'match', eTag };
  throw new InvalidStorageInputError(
    `Storage: eTag for "${key}" must be undefined, '*', CREATE_ONLY or a stored eTag.`,
  );
}

function serialise(key: string, document: Record<string, unknown>): string {
  let json: unknown;
  try {
    json = JSON.stringify(document);
  } catch (cause) {
    throw new InvalidStorageInputError(`Storage: document for "${key}" is not serialisable.`, {
      cause,
    });
  }
  // A top-level `toJSON` could turn the object into something that is not one.
  if (typeof json !== 'string' || !json.startsWith('{')) {
    throw new InvalidStorageInputError(
      `Storage: document for "${key}" must serialise to an object.`,
    );
  }
  return json;
}

/** True when a write under `condition` may replace a row whose eTag is `stored`. */
export function conditionHolds(condition: WriteCondition, stored: string | undefined): boolean {
  switch (condition.kind) {
    case 'unconditional':
      return true;
    case 'absent':
      return stored === undefined;
    case 'match':
      return stored === condition.eTag;
  }
}

/** The error for a write whose condition failed, worded for the condition. */
export function conflictError(key: string, condition: WriteCondition): EtagConflictError {
  return condition.kind === 'absent'
    ? new EtagConflictError(key, 'the key already exists (CREATE_ONLY)')
    : new EtagConflictError(key);
}

/** Parses a stored document and attaches its eTag; anything but a JSON object is corrupt. */
export function parseDocument(key: string, json: string, eTag: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (cause) {
    throw new CorruptDocumentError(key, 'invalid JSON', { cause });
  }
  if (!isPlainObject(parsed)) throw new CorruptDocumentError(key, 'not a JSON object');
  return { ...parsed, eTag };
}
