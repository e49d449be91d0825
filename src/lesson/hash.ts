// A short, stable content hash: progress is keyed by exercise id and this hash, so a changed
// exercise asks the learner to check again.

/** FNV-1a (32-bit) of `text`'s UTF-8 bytes, as 8 hex digits. */
export function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}
