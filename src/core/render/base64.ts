/** Base64 (RFC 4648, with padding) of bytes, without DOM (atob) or Node (Buffer). */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Uint8Array(128).fill(255);
for (let i = 0; i < ALPHABET.length; i++) {
  DECODE[ALPHABET.charCodeAt(i)] = i;
}

/** Encode bytes; chunks of 24 K characters keep String.fromCharCode's argument list small. */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const codes = new Uint16Array(32768);
  let n = 0;
  const full = bytes.length - (bytes.length % 3);
  for (let i = 0; i < full; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    codes[n++] = ALPHABET.charCodeAt(v >>> 18);
    codes[n++] = ALPHABET.charCodeAt((v >>> 12) & 63);
    codes[n++] = ALPHABET.charCodeAt((v >>> 6) & 63);
    codes[n++] = ALPHABET.charCodeAt(v & 63);
    if (n === codes.length) {
      parts.push(String.fromCharCode.apply(null, codes as unknown as number[]));
      n = 0;
    }
  }
  parts.push(String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]));
  const rest = bytes.length - full;
  if (rest === 1) {
    const v = bytes[full] << 16;
    parts.push(ALPHABET[v >>> 18] + ALPHABET[(v >>> 12) & 63] + '==');
  } else if (rest === 2) {
    const v = (bytes[full] << 16) | (bytes[full + 1] << 8);
    parts.push(ALPHABET[v >>> 18] + ALPHABET[(v >>> 12) & 63] + ALPHABET[(v >>> 6) & 63] + '=');
  }
  return parts.join('');
}

/**
 * Decode base64 (padding optional; no whitespace).
 *
 * @throws RangeError on a character outside the alphabet or a bad length
 */
export function fromBase64(text: string): Uint8Array {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) {
    end--;
  }
  if (end % 4 === 1) {
    throw new RangeError(`base64: bad length ${text.length}`);
  }
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let o = 0;
  const full = end - (end % 4);
  for (let i = 0; i < full; i += 4) {
    const a = DECODE[text.charCodeAt(i)];
    const b = DECODE[text.charCodeAt(i + 1)];
    const c = DECODE[text.charCodeAt(i + 2)];
    const d = DECODE[text.charCodeAt(i + 3)];
    if ((a | b | c | d) > 63) {
      throw new RangeError(`base64: bad character near offset ${i}`);
    }
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = v >>> 16;
    out[o++] = (v >>> 8) & 255;
    out[o++] = v & 255;
  }
  const rest = end - full;
  if (rest > 0) {
    const a = DECODE[text.charCodeAt(full)];
    const b = DECODE[text.charCodeAt(full + 1)];
    const c = rest === 3 ? DECODE[text.charCodeAt(full + 2)] : 0;
    if ((a | b | c) > 63) {
      throw new RangeError(`base64: bad character near offset ${full}`);
    }
    const v = (a << 18) | (b << 12) | (c << 6);
    out[o++] = v >>> 16;
    if (rest === 3) {
      out[o++] = (v >>> 8) & 255;
    }
  }
  return out;
}
