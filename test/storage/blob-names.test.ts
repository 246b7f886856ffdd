import fc from 'fast-check';
import {
  blobNameFor,
  keyFromBlobName,
  keyFromMetadata,
  keyToMetadata,
  listingPrefixFor,
} from '../../src/storage/blob-names';

// Well-formed strings only: the stores reject lone surrogates before naming anything.
const key = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 });
const longKey = fc.string({ unit: 'grapheme', minLength: 400, maxLength: 1024 });

describe('blob names', () => {
  test('are URL-safe, within Azure’s 1 024 characters, and decode back to the key', () => {
    fc.assert(
      fc.property(fc.oneof(key, longKey), (k) => {
        fc.pre(k.length <= 1024);
        const name = blobNameFor(k);
        expect(name).toMatch(/^[A-Za-z0-9_~-]+$/);
        expect(name.length).toBeLessThanOrEqual(1024);
        expect(keyFromMetadata(keyToMetadata(k))).toBe(k);
        if (!name.includes('~')) expect(keyFromBlobName(name)).toBe(k);
      }),
    );
  });

  test('differ for different keys', () => {
    fc.assert(fc.property(key, key, (a, b) => a === b || blobNameFor(a) !== blobNameFor(b)));
    const head = 'é'.repeat(1000);
    expect(blobNameFor(`${head}a`)).not.toBe(blobNameFor(`${head}b`));
  });

  test('of a key start with the listing prefix of each of its prefixes', () => {
    fc.assert(
      fc.property(fc.oneof(key, longKey), fc.nat(), (k, cut) => {
        fc.pre(k.length <= 1024);
        const prefix = [...k].slice(0, cut % ([...k].length + 1)).join('');
        expect(blobNameFor(k).startsWith(listingPrefixFor(prefix))).toBe(true);
      }),
    );
  });

  test('written by others are not mistaken for keys', () => {
    expect(keyFromBlobName('folder/file.json')).toBeUndefined();
    expect(keyFromBlobName('_FF')).toBeUndefined();
    expect(keyFromBlobName('abc_3A1')).toBe('abc:1');
  });
});
