import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes: far beyond guessing, and URL-safe so it fits a query string. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Secrets are kept only as SHA-256 digests: a memory dump or a log line never holds a usable
 * token, and digests have a fixed length, which `timingSafeEqual` needs.
 */
export function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Constant-time check of a presented secret against a stored digest. */
export function matchesDigest(presented: string, stored: Buffer): boolean {
  return timingSafeEqual(digest(presented), stored);
}

const BEARER = /^Bearer\s+([A-Za-z0-9_-]{16,256})$/;

/** The token in an `Authorization: Bearer …` header, or undefined when absent or malformed. */
export function bearerToken(header: string | undefined): string | undefined {
  return header ? BEARER.exec(header.trim())?.[1] : undefined;
}
