/** Hex SHA-256 of a photo's bytes (WebCrypto): its address on the tablet, in the document and on the relay. */
export async function hashPhoto(bytes: Blob | ArrayBuffer): Promise<string> {
  const buffer = bytes instanceof Blob ? await bytes.arrayBuffer() : bytes;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
