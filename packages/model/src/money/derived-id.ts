/**
 * A deterministic id from a text: the same on every tablet, so two tablets migrating the same minutes
 * write the same entry key and the merge keeps one. 22 symbols of the relay's id alphabet, each from a
 * different seed of FNV-1a finished with murmur3's avalanche step (132 bits; not cryptographic, and it
 * need not be: ids only have to differ between distinct sources of one club).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

function hash32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function derivedId(source: string): string {
  let id = '';
  for (let i = 0; i < 22; i += 1) id += ALPHABET[hash32(source, i) & 63];
  return id;
}
