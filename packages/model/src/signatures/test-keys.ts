import type { SignatureVerifier } from './verify-signatures';

/**
 * Real ECDSA P-256 keys for the model's tests, through the WebCrypto of Node 20's globalThis. The model
 * itself never calls crypto (its tsconfig has no DOM types, hence the narrow shapes below): the client
 * passes in a verifier of the same shape as `verifyWithWebCrypto`.
 */
interface Subtle {
  generateKey(
    alg: object,
    extractable: boolean,
    usages: string[],
  ): Promise<{ publicKey: object; privateKey: object }>;
  exportKey(format: 'raw', key: object): Promise<ArrayBuffer>;
  importKey(
    format: 'raw',
    data: Uint8Array,
    alg: object,
    extractable: boolean,
    usages: string[],
  ): Promise<object>;
  sign(alg: object, key: object, data: Uint8Array): Promise<ArrayBuffer>;
  verify(alg: object, key: object, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
}
interface WebGlobals {
  crypto: { subtle: Subtle };
  TextEncoder: new () => { encode(text: string): Uint8Array };
  btoa(binary: string): string;
  atob(base64: string): string;
}
const web = globalThis as unknown as WebGlobals;

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

const utf8 = (text: string): Uint8Array => new web.TextEncoder().encode(text);
const toBase64 = (bytes: ArrayBuffer): string => web.btoa(String.fromCharCode(...new Uint8Array(bytes)));
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(web.atob(text), (c) => c.charCodeAt(0));

export interface TestTablet {
  readonly publicKey: string;
  sign(message: string): Promise<string>;
}

export async function newTestTablet(): Promise<TestTablet> {
  const pair = await web.crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
  const publicKey = toBase64(await web.crypto.subtle.exportKey('raw', pair.publicKey));
  return {
    publicKey,
    sign: async (message) => toBase64(await web.crypto.subtle.sign(SIGN, pair.privateKey, utf8(message))),
  };
}

export const verifyWithWebCrypto: SignatureVerifier = async (publicKey, message, signature) => {
  const key = await web.crypto.subtle.importKey('raw', fromBase64(publicKey), ALGORITHM, false, ['verify']);
  return web.crypto.subtle.verify(SIGN, key, fromBase64(signature), utf8(message));
};
