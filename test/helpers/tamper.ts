/**
 * An encrypted field value ("jf1.<key id>.<base64url body>") with one bit of body byte `index`
 * flipped (modulo the body's length): always a different value, as an attacker with database
 * access would leave it.
 */
export function flipByte(value: string, index: number): string {
  const [prefix, keyId, body] = value.split('.');
  const bytes = Buffer.from(body ?? '', 'base64url');
  const at = index % bytes.length;
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return `${prefix}.${keyId}.${bytes.toString('base64url')}`;
}
