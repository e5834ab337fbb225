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

/** The encodings bslab reads text files in. */
export type TextEncoding = "utf-8" | "gb18030";

// Chinese text in GBK is two high bytes per character; a Latin-1 accent is one high byte among
// ASCII (and reads as some GBK character too, so only the two-high-bytes shape decides GB18030).
const isGbkPair = (a: number, b: number | undefined) =>
  a >= 0x81 && a <= 0xfe && b !== undefined && b >= 0x80 && b <= 0xfe;

// 1, 2, 3 or 4: the length of the valid UTF-8 sequence at `at`; 0 when invalid; -1 when `bytes`
// ends inside it.
function utf8SequenceAt(bytes: Uint8Array, at: number): number {
  const b = bytes[at]!;
  if (b < 0x80) return 1;
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
  if (need < 0) return 0;
  if (at + need >= bytes.length) {
    for (let k = at + 1; k < bytes.length; k++) if ((bytes[k]! & 0xc0) !== 0x80) return 0;
    return -1;
  }
  return firstInvalidUtf8(bytes.subarray(at, at + need + 1)) === -1 ? need + 1 : 0;
}

function countNewlines(bytes: Uint8Array, end = bytes.length): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < end; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

/**
 * Decodes a text file that arrives in pieces. The encoding is UTF-8, or GB18030 (which includes
 * GBK, what Excel writes on Chinese Windows) when the first non-ASCII bytes are not UTF-8 but a
 * GBK character; until the first non-ASCII byte both read the same. Bytes that are neither, or a
 * file that breaks its encoding later, are refused naming the row and byte.
 *
 * @example
 * const d = new TextStreamDecoder("a.csv");
 * const text = d.decode(bytes1) + d.decode(bytes2, true); // d.encoding: "utf-8" | "gb18030"
 */
export class TextStreamDecoder {
  /** The encoding read, once the first non-ASCII byte has decided it (undefined: ASCII so far). */
  encoding: TextEncoding | undefined;
  private decoder: TextDecoder | undefined;
  private offset = 0;
  private newlines = 0;
  private held: Uint8Array | undefined;
  private tail: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly file: string,
    forced?: TextEncoding,
  ) {
    if (forced) this.choose(forced);
  }

  private choose(encoding: TextEncoding): void {
    this.encoding = encoding;
    this.decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  }

  /** Decodes the next piece; `final` for the last one (an unfinished character is then an error). */
  decode(piece: Uint8Array, final = false): string {
    let bytes = piece;
    if (this.held) {
      const joined = new Uint8Array(this.held.length + piece.length);
      joined.set(this.held);
      joined.set(piece, this.held.length);
      bytes = joined;
      this.held = undefined;
    }
    return this.decoder ? this.decodeDecided(bytes, final) : this.decodeUndecided(bytes, final);
  }

  private advance(bytes: Uint8Array): void {
    this.newlines += countNewlines(bytes);
    this.offset += bytes.length;
    this.tail = bytes.slice(Math.max(0, bytes.length - 3));
  }

  // ASCII so far: find the first non-ASCII byte and let it decide the encoding.
  private decodeUndecided(bytes: Uint8Array, final: boolean): string {
    const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
    const k = latin1.search(/[\x80-\xff]/);
    if (k === -1) {
      this.advance(bytes);
      return latin1;
    }
    const seq = utf8SequenceAt(bytes, k);
    const ascii = latin1.slice(0, k);
    if (seq === -1 && !final && bytes.length - k < 4) {
      this.advance(bytes.subarray(0, k));
      this.held = bytes.slice(k);
      return ascii;
    }
    if (seq > 0) this.choose("utf-8");
    else if (isGbkPair(bytes[k]!, bytes[k + 1])) this.choose("gb18030");
    else this.fail(bytes, k, "utf-8");
    this.advance(bytes.subarray(0, k));
    return ascii + this.decodeDecided(bytes.subarray(k), final);
  }

  private decodeDecided(bytes: Uint8Array, final: boolean): string {
    let text: string;
    try {
      text = this.decoder!.decode(bytes, { stream: !final });
    } catch {
      this.locateError(bytes);
    }
    this.advance(bytes);
    return text;
  }

  // The decoder says the bytes are bad, not where: find the byte (UTF-8 exactly; GB18030 at the
  // first pair that is not one) and refuse the file naming it.
  private locateError(bytes: Uint8Array): never {
    const joined = new Uint8Array(this.tail.length + bytes.length);
    joined.set(this.tail);
    joined.set(bytes, this.tail.length);
    let at = -1;
    if (this.encoding === "utf-8") {
      // Start at the lead byte of a character the previous piece left unfinished, if any.
      let start = this.tail.length;
      for (let i = this.tail.length - 1; i >= 0; i--)
        if ((joined[i]! & 0xc0) !== 0x80) {
          if (joined[i]! >= 0xc0) start = i;
          break;
        }
      const rel = firstInvalidUtf8(joined.subarray(start));
      at = rel === -1 ? joined.length - 1 : start + rel;
    } else {
      const d = new TextDecoder("gb18030", { fatal: true });
      for (let i = this.tail.length; i < joined.length && at === -1; i++) {
        try {
          d.decode(joined.subarray(0, i + 1), { stream: true });
        } catch {
          at = i;
        }
      }
      if (at === -1) at = joined.length - 1;
    }
    this.fail(joined, at, this.encoding!, this.offset - this.tail.length);
  }

  private fail(bytes: Uint8Array, at: number, encoding: TextEncoding, base = this.offset): never {
    // Newlines before byte `at`: those counted up to this.offset, less the ones of `bytes` that
    // lie before it (the tail of the previous piece), plus those of `bytes` up to `at`.
    const row = this.newlines - countNewlines(bytes, this.offset - base) + countNewlines(bytes, at) + 1;
    const where = `${this.file}: row ${row}`;
    const message =
      encoding === "utf-8"
        ? ioMessages.notUtf8(where, base + at, encodingHint(bytes, at))
        : ioMessages.notGb18030(where, base + at);
    throw new DataError(message, { place: { file: this.file, row } });
  }
}

/** Decodes a whole file's bytes (UTF-8, else GB18030; see {@link TextStreamDecoder}). */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: TextEncoding } {
  const d = new TextStreamDecoder(file);
  const text = d.decode(bytes, true);
  return { text, encoding: d.encoding ?? "utf-8" };
}

/** Decodes bytes as UTF-8 only, refusing text that is not, with the row and byte where it breaks. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  return new TextStreamDecoder(file, "utf-8").decode(bytes, true);
}
