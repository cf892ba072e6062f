/**
 * Base64url (RFC 4648 §5, no padding) of UTF-8 text, for state carried in a
 * URL. Written out here because ES2022 has neither btoa nor TextEncoder, and
 * so that decoding is strict: any character outside the alphabet, a dangling
 * sixth bit or malformed UTF-8 is refused rather than guessed at.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Text → UTF-8 → base64url without padding. */
export function encodeBase64Url(text: string): string {
  return bytesToBase64Url(utf8Encode(text));
}

/** Bytes → base64url without padding (compressed state, for one). */
export function bytesToBase64Url(bytes: ArrayLike<number>): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] as number;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    const n = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    out += ALPHABET[(n >> 18) & 63] as string;
    out += ALPHABET[(n >> 12) & 63] as string;
    if (b1 !== undefined) out += ALPHABET[(n >> 6) & 63] as string;
    if (b2 !== undefined) out += ALPHABET[n & 63] as string;
  }
  return out;
}

/** Base64url without padding → UTF-8 → text. Throws a RangeError saying what is wrong. */
export function decodeBase64Url(encoded: string): string {
  return utf8Decode(base64UrlToBytes(encoded));
}

/** Base64url without padding → bytes. Throws a RangeError saying what is wrong. */
export function base64UrlToBytes(encoded: string): number[] {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) throw new RangeError("contains characters outside the base64url alphabet");
  if (encoded.length % 4 === 1) throw new RangeError("is truncated (its length is not a whole number of bytes)");
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i += 4) {
    const chunk = encoded.slice(i, i + 4);
    let n = 0;
    for (let j = 0; j < 4; j++) n = (n << 6) | (j < chunk.length ? ALPHABET.indexOf(chunk[j] as string) : 0);
    bytes.push((n >> 16) & 255);
    if (chunk.length > 2) bytes.push((n >> 8) & 255);
    if (chunk.length > 3) bytes.push(n & 255);
    // Bits past the last whole byte must be zero, or two spellings would decode alike.
    if ((chunk.length === 2 && (n & 0xffff) !== 0) || (chunk.length === 3 && (n & 0xff) !== 0)) {
      throw new RangeError("has stray bits after its last byte");
    }
  }
  return bytes;
}

function utf8Encode(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const c = char.codePointAt(0) as number;
    if (c >= 0xd800 && c <= 0xdfff) throw new RangeError("contains a lone surrogate, which UTF-8 cannot encode");
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return bytes;
}

function utf8Decode(bytes: readonly number[]): string {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] as number;
    const length = b0 < 0x80 ? 1 : b0 >= 0xc2 && b0 < 0xe0 ? 2 : b0 >= 0xe0 && b0 < 0xf0 ? 3 : b0 >= 0xf0 && b0 < 0xf5 ? 4 : 0;
    if (length === 0) throw new RangeError(`is not UTF-8 (byte ${i})`);
    if (i + length > bytes.length) throw new RangeError("is not UTF-8 (a character is cut off)");
    let c = length === 1 ? b0 : b0 & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const b = bytes[i + k] as number;
      if ((b & 0xc0) !== 0x80) throw new RangeError(`is not UTF-8 (byte ${i + k})`);
      c = (c << 6) | (b & 63);
    }
    const shortest = length === 1 || (length === 2 && c >= 0x80) || (length === 3 && c >= 0x800) || (length === 4 && c >= 0x10000);
    if (!shortest || (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff) throw new RangeError(`is not UTF-8 (byte ${i})`);
    out += String.fromCodePoint(c);
    i += length;
  }
  return out;
}
