import { createHash } from 'node:crypto';

/**
 * Storage keys → blob names.
 *
 * Teams conversation ids contain `:`, `;`, `@`, `=`, `/` and more. Raw, `/` would create
 * virtual folders (and `a//b` or `./` segments get normalised by URL handling), a trailing `.`
 * is discouraged by Azure, and `%` is unusable: @azure/storage-blob sends `%` unescaped, so the
 * service would decode `%3A` in a name to `:`. So every character outside `[A-Za-z0-9-]` is
 * written as `_XX` per UTF-8 byte. The scheme works per character, so the name of a prefix is
 * a prefix of the name, which keeps `listKeys` a server-side prefix listing.
 *
 * Escaping can make a 1 024-character key up to 9 216 characters long, beyond Azure's limit of
 * 1 024; such names become `<first 900 escaped characters>~<sha256 of the key>`. `~` never occurs
 * in plain names, so the two forms cannot collide. Such a name cannot be decoded, so every blob
 * also carries its key in metadata.
 */

const SAFE = /^[A-Za-z0-9-]$/;
const PLAIN_LIMIT = 1000;
const HEAD_LENGTH = 900;
// Shorter than any hashed name's head, so it is a prefix of the name of every matching key.
const LIST_PREFIX_LIMIT = 800;

/** Blob metadata entry holding the key (base64 of its UTF-8; metadata must be ASCII). */
export const KEY_METADATA = 'brugkey';

export function escapeForBlobName(text: string): string {
  let out = '';
  for (const char of text) {
    if (SAFE.test(char)) {
      out += char;
    } else {
      for (const byte of Buffer.from(char, 'utf8')) {
        out += `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return out;
}

export function blobNameFor(key: string): string {
  const escaped = escapeForBlobName(key);
  if (escaped.length <= PLAIN_LIMIT) return escaped;
  const hash = createHash('sha256').update(key, 'utf8').digest('hex');
  return `${escaped.slice(0, HEAD_LENGTH)}~${hash}`;
}

/** Server-side listing prefix; callers must still filter by the real key. */
export function listingPrefixFor(prefix: string): string {
  return escapeForBlobName(prefix).slice(0, LIST_PREFIX_LIMIT);
}

/** The key of a plain (not hashed) blob name, or undefined if the name is not one of ours. */
export function keyFromBlobName(name: string): string | undefined {
  if (!/^(?:[A-Za-z0-9-]|_[0-9A-F]{2})+$/.test(name)) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < name.length; i++) {
    if (name[i] === '_') {
      bytes.push(parseInt(name.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(name.charCodeAt(i));
    }
  }
  const key = Buffer.from(bytes).toString('utf8');
  // Reject names that decode loosely (invalid UTF-8 became U+FFFD): not written by us.
  return blobNameFor(key) === name ? key : undefined;
}

export function keyToMetadata(key: string): Record<string, string> {
  return { [KEY_METADATA]: Buffer.from(key, 'utf8').toString('base64') };
}

export function keyFromMetadata(metadata: Record<string, string> | undefined): string | undefined {
  const encoded = metadata?.[KEY_METADATA];
  return encoded === undefined ? undefined : Buffer.from(encoded, 'base64').toString('utf8');
}
