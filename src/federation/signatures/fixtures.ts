// Test material copied from the RFCs (public test keys, never used outside tests).
//
// RFC 9421 (HTTP Message Signatures), Appendix B.1.4 "Example Ed25519 Test Key" (keyid
// "test-key-ed25519"), Appendix B.2 "test-request", and Appendix B.2.6 "Signing a Request Using
// ed25519" (label sig-b26). The RFC prints the long lines folded per RFC 8792 ('\' line wrapping);
// they are unfolded here.

export const RFC9421_ED25519_KEY_ID = 'test-key-ed25519';

/** B.1.4, public key (SubjectPublicKeyInfo). */
export const RFC9421_ED25519_PUBLIC_PEM = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=
-----END PUBLIC KEY-----
`;

/** B.1.4, private key (PKCS#8). */
export const RFC9421_ED25519_PRIVATE_PEM = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF
-----END PRIVATE KEY-----
`;

/** B.2 test-request: `POST /foo?param=Value&Pet=dog HTTP/1.1` to example.com, content `{"hello": "world"}`. */
export const RFC9421_TEST_REQUEST = {
  method: 'POST',
  url: 'https://example.com/foo?param=Value&Pet=dog',
  headers: {
    Host: 'example.com',
    Date: 'Tue, 20 Apr 2021 02:07:55 GMT',
    'Content-Type': 'application/json',
    'Content-Digest':
      'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:',
    'Content-Length': '18',
  },
  body: '{"hello": "world"}',
} as const;

/** B.2.6: the label, the components it covers and its created time. */
export const RFC9421_B26 = {
  label: 'sig-b26',
  components: ['date', '@method', '@path', '@authority', 'content-type', 'content-length'],
  created: 1618884473,
  /** The signature base, as printed in B.2.6 (unfolded). */
  base: [
    '"date": Tue, 20 Apr 2021 02:07:55 GMT',
    '"@method": POST',
    '"@path": /foo',
    '"@authority": example.com',
    '"content-type": application/json',
    '"content-length": 18',
    '"@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
  ].join('\n'),
  signatureInput:
    'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
  signature:
    'sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:',
} as const;

// RFC 9530 (Digest Fields). Appendix B.1: the content `{"hello": "world"}` followed by LF has
// Content-Digest sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:. Appendix B.2: empty content has
// sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:. Section 2 shows the sha-512 of the same
// LF-terminated JSON. Appendix D (Sample Digest Values): `{"hello": "world"}` with no LF has the
// sha-256 and sha-512 below; RFC 9421 B.2 uses the same sha-512 for its test-request.
export const RFC9530_EXAMPLES = [
  {
    body: '{"hello": "world"}\n',
    header: 'sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:',
  },
  { body: '', header: 'sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:' },
  {
    body: '{"hello": "world"}\n',
    header:
      'sha-512=:YMAam51Jz/jOATT6/zvHrLVgOYTGFy1d6GJiOHTohq4yP+pgk4vf2aCsyRZOtw8MjkM7iw7yZ/WkppmM44T3qg==:',
  },
  { body: '{"hello": "world"}', header: 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:' },
  {
    body: '{"hello": "world"}',
    header:
      'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:',
  },
] as const;
