/**
 * Where UTF-8 goes wrong, for error messages: TextDecoder only says that it did. Follows the
 * WHATWG/Unicode definition of well-formed UTF-8 (no overlong forms, no surrogates, nothing above
 * U+10FFFF).
 */
export type TUtf8Scan = { invalidAt: number; incompleteFrom: number };

/**
 * invalidAt: the index of the first byte that starts an ill-formed sequence, or -1.
 * incompleteFrom: when the bytes are valid but end inside a sequence, where that sequence starts
 * (else bytes.length).
 */
export function scanUtf8(bytes: Uint8Array): TUtf8Scan {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return { invalidAt: i, incompleteFrom: n };
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return { invalidAt: -1, incompleteFrom: i };
      const c = bytes[i + k]!;
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return { invalidAt: i, incompleteFrom: n };
    }
    i += need + 1;
  }
  return { invalidAt: -1, incompleteFrom: n };
}

/** The start of an unfinished multi-byte sequence at the end of valid UTF-8 bytes (bytes.length when none). */
export function incompleteTailStart(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back]!;
    if (b < 0x80) return n;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > back ? n - back : n;
    }
  }
  return n;
}
