import { DataError } from "../../errors.ts";
import { ioMessages } from "../messages.ts";

/** Where in the bytes UTF-8 decoding first fails, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte: how many continuation bytes follow, and the smallest code point (no overlongs).
    const [need, min] =
      b >= 0xc2 && b <= 0xdf
        ? [1, 0x80]
        : b >= 0xe0 && b <= 0xef
          ? [2, 0x800]
          : b >= 0xf0 && b <= 0xf4
            ? [3, 0x10000]
            : [0, 0];
    if (need === 0) return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function encodingHint(bytes: Uint8Array, at: number): string {
  const a = bytes[at] ?? 0;
  const b = bytes[at + 1] ?? 0;
  // Common Chinese characters in GBK are two high bytes; a Latin-1 accent is one high byte in ASCII.
  if (a >= 0x81 && a <= 0xfe && b >= 0x80 && b <= 0xfe) return "; the bytes look like GBK/GB18030";
  if (a >= 0xa0) return "; the bytes look like Latin-1/Windows-1252";
  return "";
}

/** Decodes bytes as UTF-8, refusing text that is not, with the row and byte where it breaks. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const at = firstInvalidUtf8(bytes);
  if (at >= 0) {
    let row = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) row++;
    throw new DataError(ioMessages.notUtf8(`${file}: row ${row}`, at, encodingHint(bytes, at)), {
      place: { file, row },
    });
  }
  return new TextDecoder("utf-8").decode(bytes);
}
